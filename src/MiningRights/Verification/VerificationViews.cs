namespace MiningRights.Verification;

/// <summary>A batch with its workflow state and how far its tasks have come.</summary>
public sealed record BatchView(Guid Id, string AuthorityCode, string Quarter, DateOnly WindowFrom, DateOnly WindowTo, Guid? InstanceId, string? State,
    int Tasks, int TasksDone);

/// <summary>A verification task: the right, where it is verified, where the result goes, and its state and result.</summary>
public sealed record TaskView(Guid Id, Guid BatchId, string Quarter, Guid RightId, string LicenseNumber, string CountyCode, string ReportsTo, DateOnly ExpiresOn,
    Guid? InstanceId, string? State, string? StatusZh, string? StatusEn, string? Result, DateOnly? DueOn);

/// <summary>A batch with its tasks.</summary>
public sealed record BatchDetail(BatchView Batch, IReadOnlyList<TaskView> Tasks);
