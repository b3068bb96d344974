namespace MiningRights.Plans;

public enum PlanDecision
{
    Approve = 1,
    Return = 2,
}
