namespace MiningRights.Plans;

public enum PlanStatus
{
    Submitted = 1,
    Approved = 2,
    Returned = 3,
}
