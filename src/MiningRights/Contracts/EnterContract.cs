using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Contracts;

/// <summary>
/// The authority enters the transfer contract of a right registered before the service kept contracts (GS-10a): its
/// number, signing day, how the income was fixed, and its performance clauses. The right's duties start from the
/// clauses as they do for a right registered under a transfer, from the day of entry: a duty that fell due before it is
/// not judged by the service, and a duty another process on the right monitors already (a provisional licence's
/// construction, GS-9e) stays with it. The income of such a contract was settled outside the service, so it has no
/// installments here.
/// </summary>
public sealed class EnterContract(MiningRightsDbContext db, RightAccess rights, Access access, ContractDuties duties, Policies.PolicyBook policies, TimeProvider time)
{
    public sealed record Request(
        string? Number,
        DateOnly? SignedOn,
        IncomeCollection? Collection,
        decimal? TotalIncome,
        decimal? RatePercent,
        SignContract.ClauseRequest[]? Clauses);

    /// <summary>The contract entered, and the duties its clauses imply that were not started, in words.</summary>
    public sealed record Entered(TransferContract Contract, IReadOnlyList<string> NotStarted);

    public async Task<Entered> HandleAsync(Guid rightId, Request request, Actor user, CancellationToken ct)
    {
        var right = await rights.GetAsync(user, rightId, ct);
        if (!await access.MayDecideAsync(user, right.AuthorityCode, ct))
        {
            throw RefusalException.Forbidden($"Only officers of the registration authority ({right.AuthorityCode}) or above enter the contract of {right.LicenseNumber}.",
                $"仅登记机关（{right.AuthorityCode}）或其上级机关的工作人员可以录入 {right.LicenseNumber} 的出让合同。");
        }

        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var number = request.Number?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > 64)
        {
            throw RefusalException.Invalid("number", "The contract number is required (at most 64 characters).", "必须填写合同编号（最多 64 个字符）。");
        }

        if (request.SignedOn is not { } signedOn || signedOn > today || signedOn > right.IssuedOn)
        {
            throw RefusalException.Invalid("signedOn", $"The day the contract was signed is required: not in the future and not after the licence was issued ({right.IssuedOn:yyyy-MM-dd}).",
                $"必须填写合同签订日期：不得晚于今天，也不得晚于许可证颁发日期（{right.IssuedOn:yyyy-MM-dd}）。");
        }

        if (request.TotalIncome is not (>= 0 and <= Yuan.Largest) || !Yuan.IsCents(request.TotalIncome.Value))
        {
            throw RefusalException.Invalid("totalIncome", "The transfer income the contract fixed is required: 0 or more yuan, in fen at most.", "必须填写合同约定的出让收益：不少于 0 元，最多精确到分。");
        }

        decimal? rate = null;
        switch (request.Collection)
        {
            case IncomeCollection.Amount when request.RatePercent is not null:
                throw RefusalException.Invalid("ratePercent", "Income collected by amount has no rate.", "按金额征收的出让收益不设收益率。");
            case IncomeCollection.Amount:
                break;
            case IncomeCollection.Rate:
                rate = SignContract.CheckRate(request.RatePercent);
                break;
            default:
                throw RefusalException.Invalid("collection", "How the income was fixed is required: amount (按金额, ZJ-27b) or rate (按收益率, ZJ-27a).",
                    "必须填写出让收益的确定方式：按金额（amount，ZJ-27b）或按收益率（rate，ZJ-27a）。");
        }

        var clauses = SignContract.CheckClauses(request.Clauses);
        if (clauses.Count == 0)
        {
            throw RefusalException.Invalid("clauses", "A contract entered for monitoring needs its performance clauses.", "为履约监管录入的合同须包含履约条款。");
        }

        if (right.Status is RightStatus.Withdrawn or RightStatus.Lapsed or RightStatus.Expired)
        {
            throw RefusalException.Conflict($"Right {right.LicenseNumber} is {right.Status.ToString().ToLowerInvariant()}: its duties are no longer monitored.",
                $"矿业权 {right.LicenseNumber} {right.Status switch { RightStatus.Withdrawn => "已被收回", RightStatus.Lapsed => "已失效", _ => "已到期" }}：其义务不再受监管。");
        }

        if (await db.Contracts.AnyAsync(c => c.Number == number || (c.RightId == right.Id && c.VoidedAtUtc == null), ct))
        {
            throw RefusalException.Conflict($"Contract number {number} is taken, or right {right.LicenseNumber} has its contract already.",
                $"合同编号 {number} 已被使用，或矿业权 {right.LicenseNumber} 已有出让合同。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var contract = new TransferContract
        {
            Number = number,
            HolderId = right.HolderId,
            AuthorityCode = right.AuthorityCode,
            SignedOn = signedOn,
            Collection = request.Collection.Value,
            TotalIncome = request.TotalIncome.Value,
            RatePercent = rate,
            SignedBy = user.Name,
            RightId = right.Id,
            CreatedAtUtc = now,
        };
        db.Contracts.Add(contract);
        var rows = clauses.Select(c => SignContract.ToClause(contract.Id, c)).ToList();
        db.ContractClauses.AddRange(rows);
        var notStarted = await duties.StartAsync(right, contract, rows, user, ct, dueFrom: today);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = "contract.entered",
            DossierId = right.Id,
            RuleId = policies.IdOr("contractPerformance", right.Scope, signedOn, IncomeRules.ContractTerm),
            Detail = Text.Cut($"Transfer contract {number} of {right.LicenseNumber} (signed {signedOn:yyyy-MM-dd}) entered with {rows.Count} performance clause(s); duties monitored from {today:yyyy-MM-dd}"
                + (notStarted.Count == 0 ? "." : $"; not started: {string.Join("; ", notStarted)}.") + " 录入出让合同。", 3999),
        });
        await db.SaveChangesAsync(ct);
        return new Entered(contract, notStarted);
    }
}
