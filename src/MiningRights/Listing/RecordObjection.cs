using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>
/// The authority records an objection (异议) received while an agreement transfer is disclosed (GS-9a): who raised it,
/// on what grounds, on which day. An objection counts when it was received during the disclosure period; it may be
/// recorded until the transfer is decided, and it is journalled on the transfer so an approval racing it is refused.
/// </summary>
public sealed class RecordObjection(MiningRightsDbContext db, BlockAccess blocks, WorkflowRuntime runtime, TimeProvider time)
{
    /// <summary>The states of agreement-transfer.json in which objections are recorded: the disclosure and the decision after it.</summary>
    public static readonly IReadOnlyList<string> DisclosureStates = ["disclosure", "disclosureEnded"];

    /// <summary>The instance dates the disclosure opened on (recorded by the transition into it) and ends with (its deadline).</summary>
    public const string DisclosureStart = "disclosureOn";
    public const string DisclosureEnd = "disclosurePeriod";

    public sealed record Request(string? Objector, string? Grounds, DateOnly? ReceivedOn);

    public async Task<DisclosureObjection> HandleAsync(Guid blockId, Request request, Actor user, CancellationToken ct)
    {
        var block = await blocks.ForDecisionAsync(user, blockId, ct);
        if (string.IsNullOrWhiteSpace(request.Objector) || request.Objector.Length > 200)
        {
            throw RefusalException.Invalid("objector", "Who raised the objection is required (at most 200 characters).", "必须填写异议提出人（最多 200 个字符）。");
        }

        if (string.IsNullOrWhiteSpace(request.Grounds) || request.Grounds.Length > 4000)
        {
            throw RefusalException.Invalid("grounds", "The grounds of the objection are required (at most 4000 characters).", "必须填写异议理由（最多 4000 个字符）。");
        }

        var now = time.GetUtcNow();
        var today = Time.ProvinceCalendar.China.DateAt(now);
        var received = request.ReceivedOn ?? today;
        if (received > today)
        {
            throw RefusalException.Invalid("receivedOn", $"The day the objection was received, {received:yyyy-MM-dd}, is in the future.", $"异议收到日期 {received:yyyy-MM-dd} 晚于今天。");
        }

        var instance = await blocks.RunningTransferAsync(block, ct);
        if (!DisclosureStates.Contains(instance.State))
        {
            throw RefusalException.Conflict($"Objections are recorded for an agreement transfer disclosed and not yet decided; block {block.Code} is in state '{instance.State}'.",
                $"异议仅可针对已公示且尚未作出决定的协议出让进行登记；区块 {block.Code} 处于“{instance.State}”状态。");
        }

        var values = new InstanceValues(instance);
        if (values.Date(DisclosureStart) is { } opened && received < opened)
        {
            throw RefusalException.Invalid("receivedOn", $"The disclosure opened on {opened:yyyy-MM-dd}; an objection to it is received on or after that day.",
                $"公示于 {opened:yyyy-MM-dd} 开始；对本次公示的异议应在当日或之后收到。");
        }

        if (values.Date(DisclosureEnd) is { } ended && received > ended)
        {
            throw RefusalException.Invalid("receivedOn", $"The disclosure ended on {ended:yyyy-MM-dd}; an objection received after it is not one to this disclosure.",
                $"公示已于 {ended:yyyy-MM-dd} 结束；此后收到的异议不属于对本次公示的异议。");
        }

        var objection = new DisclosureObjection
        {
            BlockId = block.Id,
            InstanceId = instance.Id,
            Objector = request.Objector.Trim(),
            Grounds = request.Grounds.Trim(),
            ReceivedOn = received,
            RecordedBy = user.Name,
            CreatedAtUtc = now.UtcDateTime,
        };
        db.Objections.Add(objection);
        var entry = await runtime.RecordAsync(instance, user, "objection:received", "registrationWithoutReverification", $"Objection from {objection.Objector}, received {received:yyyy-MM-dd}: {Text.Cut(objection.Grounds, 500)}", ct);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now.UtcDateTime,
            Actor = user.Name,
            Action = "disclosure.objection",
            RuleId = entry.RuleId,
            Detail = $"Objection to the agreement transfer of block {block.Code} from {objection.Objector}, received {received:yyyy-MM-dd}. 公示期间收到异议。",
        });
        await db.SaveChangesAsync(ct);
        return objection;
    }
}
