using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Audit;
using MiningRights.Contracts;
using MiningRights.Workflows.Activities;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>
/// <c>{"activity": "returnBlockToPool", "rule": "GS-8b"}</c>: a transfer that did not go through (no bidder, withdrawn,
/// voided, refused) puts the block back in the pool: the quota it used is given back to its plan, and it has no
/// transferee any more.
/// </summary>
public sealed class ReturnBlockToPoolActivity : IWorkflowActivity
{
    public string Name => "returnBlockToPool";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition) =>
        ActivityParameters.Unknown(parameters, "rule").Concat(ActivityParameters.Rule(parameters, definition, Name));

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var block = await context.Db.Blocks.FindAsync([context.Subject.Id], cancellationToken)
            ?? throw new InvalidOperationException($"Block {context.Subject.Id} does not exist.");
        if (block.PlanId is { } planId && await context.Db.TransferPlans.FindAsync([planId], cancellationToken) is { } plan)
        {
            plan.Used--;
            plan.Version++;
        }

        // What hangs on the transfer (a contract signed for it) is for its own feature to settle.
        await context.Triggers.RaiseAsync(new BlockReturnedToPool(block, context.NowUtc), cancellationToken);

        block.PlanId = null;
        block.QuotaSource = QuotaSource.None;
        block.Status = BlockStatus.Pool;
        block.HolderId = null;
        block.TransferMode = null;
        block.UpdatedAtUtc = context.NowUtc;
        block.Version++;
        context.Db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = context.NowUtc,
            Actor = context.Actor.Name,
            Action = "block.returned",
            RuleId = ActivityParameters.RuleId(context, parameters),
            Detail = $"Block {block.Code} back in the transfer block pool ({context.Instance.DefinitionId}: {context.Instance.State}); its plan quota is given back. 区块退回出让区块项目库。",
        });
    }
}
