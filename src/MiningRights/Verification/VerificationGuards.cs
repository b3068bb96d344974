using Microsoft.EntityFrameworkCore;
using MiningRights.Workflows;

namespace MiningRights.Verification;

/// <summary><c>"guard": "problemsFound"</c>: the county's result (<c>result</c>) found problems, so the task opens a case.</summary>
public sealed class ProblemsFoundGuard : ITransitionGuard
{
    public const string ProblemsFound = "problemsFound";

    public string Name => ProblemsFound;

    public Task<RefusalException?> CheckAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Values.Get("result") == ProblemsFound
            ? null
            : RefusalException.Invalid("result", "The result found no problems.", "该核查结果为未发现问题。"));
}

/// <summary>
/// <c>"guard": "batchComplete"</c>: a batch is accepted only when every task in it is done (its result accepted); the
/// refusal names how many are still open.
/// </summary>
public sealed class BatchCompleteGuard : ITransitionGuard
{
    public string Name => "batchComplete";

    public async Task<RefusalException?> CheckAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var batchId = context.Instance.SubjectId;
        var taskIds = context.Db.VerificationTasks.Where(t => t.BatchId == batchId).Select(t => t.Id);
        var open = await context.Db.WorkflowInstances.CountAsync(i => i.SubjectKind == TaskSubjectKind.Kind && taskIds.Contains(i.SubjectId) && !i.Finished, cancellationToken);
        return open == 0
            ? null
            : RefusalException.ByRule("GS-9b", $"{open} verification task(s) of the batch are not done yet: every result must be accepted before the batch is.",
                detailZh: $"尚有核查任务未完成：本批次有 {open} 项核查任务尚未完成；须先确认每项核查结果，才能确认本批次。");
    }
}
