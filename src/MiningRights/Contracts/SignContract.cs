using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Listing;
using MiningRights.Policies;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// The authority and the transferee sign the transfer contract (出让合同): its number, the income and how it is
/// collected (ZJ-27: by amount with an installment schedule whose first part is at least the parameter share, or by
/// rate on each year's sales revenue), and its performance clauses with their numbers (GS-10a). By amount the first
/// installment's due date starts the listing's first-payment deadline; by rate there is none to wait for.
/// </summary>
public sealed class SignContract(
    MiningRightsDbContext db,
    BlockAccess blocks,
    BlockIncomeLines incomeLines,
    WorkflowRuntime runtime,
    PolicyBook policies,
    IncomeRules incomeRules,
    TimeProvider time)
{
    public const string Signal = "signContract";
    public const string FirstPaymentDate = "firstPaymentDueOn";

    public sealed record InstallmentRequest(DateOnly? DueOn, decimal? Amount);

    public sealed record ClauseRequest(string? Number, ClauseKind? Kind, string? TextZh, string? TextEn, DateOnly? DueOn, decimal? AmountYuan);

    public sealed record Request(
        string? Number,
        DateOnly? SignedOn,
        IncomeCollection? Collection,
        decimal? TotalIncome,
        decimal? RatePercent,
        InstallmentRequest[]? Installments,
        ClauseRequest[]? Clauses);

    public async Task<TransferContract> HandleAsync(Guid blockId, Request request, Actor user, CancellationToken ct)
    {
        var block = await blocks.ForDecisionAsync(user, blockId, ct);
        var instance = await blocks.RunningTransferAsync(block, ct);
        var values = new InstanceValues(instance);
        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var number = request.Number?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > 64)
        {
            throw RefusalException.Invalid("number", "The contract number is required (at most 64 characters).", "必须填写合同编号（最多 64 个字符）。");
        }

        var signedOn = request.SignedOn ?? today;
        if (signedOn > today || values.Date("transactedOn") is { } transacted && signedOn < transacted)
        {
            throw RefusalException.Invalid("signedOn", $"The contract is signed on or after the transaction ({values.Date("transactedOn"):yyyy-MM-dd}) and not in the future.",
                $"合同签订日期应不早于成交日（{values.Date("transactedOn"):yyyy-MM-dd}），且不得晚于今天。");
        }

        if (block.HolderId is not { } holderId)
        {
            throw RefusalException.Conflict($"Block {block.Code} has no transferee yet.", $"区块 {block.Code} 尚无受让人。");
        }

        var price = decimal.Parse(values.Get("price") ?? "0", CultureInfo.InvariantCulture);
        var clauses = CheckClauses(request.Clauses);
        IReadOnlyList<ScheduledInstallment> schedule = [];
        decimal? rate = null;
        switch (request.Collection)
        {
            case IncomeCollection.Amount:
                if (request.TotalIncome is { } total && total != price)
                {
                    throw RefusalException.ByRule(incomeRules.For(block.Scope, IncomeCollection.Amount, signedOn)?.Id ?? IncomeRules.ContractTerm, $"The transfer income {Yuan.En(total)} is not the price fixed by the transfer ({Yuan.En(price)}).", "totalIncome",
                        detailZh: $"出让收益 {Yuan.Zh(total)} 与出让确定的成交价（{Yuan.Zh(price)}）不一致。");
                }

                schedule = IncomeSchedule.Check(request.TotalIncome, request.Installments?.Select(i => (i?.DueOn, i?.Amount)).ToList(),
                    incomeRules.For(block.Scope, IncomeCollection.Amount, signedOn)?.Id ?? IncomeRules.ContractTerm,
                    incomeRules.For(block.Scope, IncomeCollection.Amount, signedOn) is null ? null : policies.Parameters(block.CountyCode, signedOn).FirstInstallmentMinimumPercent,
                    signedOn);
                break;
            case IncomeCollection.Rate:
                CheckRate(request.RatePercent);
                if (request.Installments is { Length: > 0 })
                {
                    throw RefusalException.Invalid("installments", "Income collected by rate is declared and paid year by year (ZJ-27a); it has no installment schedule.",
                        "按收益率征收的出让收益逐年申报、逐年缴纳（ZJ-27a），不设分期缴款计划。");
                }

                rate = request.RatePercent;
                break;
            default:
                throw RefusalException.Invalid("collection", "How the income is collected is required: amount (按金额, ZJ-27b) or rate (按收益率, ZJ-27a).",
                    "必须填写出让收益的征收方式：按金额（amount，ZJ-27b）或按收益率（rate，ZJ-27a）。");
        }

        if (await db.Contracts.AnyAsync(c => c.Number == number || (c.BlockId == block.Id && c.VoidedAtUtc == null), ct))
        {
            throw RefusalException.Conflict($"Contract number {number} is taken, or block {block.Code} has its contract already.",
                $"合同编号 {number} 已被使用，或区块 {block.Code} 已有出让合同。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var contract = new TransferContract
        {
            Number = number,
            BlockId = block.Id,
            HolderId = holderId,
            AuthorityCode = block.AuthorityCode,
            SignedOn = signedOn,
            Collection = request.Collection.Value,
            TotalIncome = request.Collection == IncomeCollection.Amount ? request.TotalIncome!.Value : price,
            RatePercent = rate,
            SignedBy = user.Name,
            CreatedAtUtc = now,
        };
        db.Contracts.Add(contract);
        db.ContractClauses.AddRange(clauses.Select(c => ToClause(contract.Id, c)));

        var rows = schedule.Select(i => new IncomeInstallment { ContractId = contract.Id, Sequence = i.Sequence, DueOn = i.DueOn, Amount = i.Amount }).ToList();
        db.Installments.AddRange(rows);

        var inputs = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (rows.Count > 0)
        {
            inputs[FirstPaymentDate] = rows[0].DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            // The notice of the signing states the first installment it asks for.
            var holder = await db.Holders.AsNoTracking().SingleAsync(h => h.Id == holderId, ct);
            runtime.Subjects.Remember(BlockSubjectKind.Describe(block, $"{holder.NameZh} ({holder.NameEn})") with { Lines = incomeLines.For(block.CountyCode, contract, rows[0], []) });
        }

        await runtime.SignalAsync(instance, Signal, user, $"contract {number} signed {signedOn:yyyy-MM-dd}", ct, inputs);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = "contract.signed",
            RuleId = incomeRules.For(block.Scope, request.Collection!.Value, signedOn)?.Id ?? IncomeRules.ContractTerm,
            Detail = $"Transfer contract {number} for block {block.Code} signed {signedOn:yyyy-MM-dd}: " + (request.Collection == IncomeCollection.Amount
                ? $"income {Yuan.En(contract.TotalIncome)} in {schedule.Count} installment(s), first {Yuan.En(schedule[0].Amount)} due {schedule[0].DueOn:yyyy-MM-dd}"
                : $"income by rate, {rate}% of yearly sales revenue") + $"; {clauses.Count} performance clause(s). 签订出让合同。",
        });
        await db.SaveChangesAsync(ct);
        return contract;
    }

    /// <summary>The rate of income collected by rate (ZJ-27a): above 0, at most 100 percent, at most 4 decimals; else a 400.</summary>
    public static decimal CheckRate(decimal? rate) =>
        rate is > 0 and <= 100 && decimal.Round(rate.Value, 4) == rate
            ? rate.Value
            : throw RefusalException.Invalid("ratePercent", "The rate (收益率) is required: a percentage of yearly sales revenue above 0 and at most 100, with at most 4 decimals.",
                "必须填写收益率：占年度销售收入的百分比，大于 0 且不超过 100，最多 4 位小数。");

    /// <summary>The clause a checked request describes, on contract <paramref name="contractId"/>.</summary>
    public static ContractClause ToClause(Guid contractId, ClauseRequest clause) => new()
    {
        ContractId = contractId,
        Number = clause.Number!.Trim(),
        Kind = clause.Kind!.Value,
        TextZh = clause.TextZh!.Trim(),
        TextEn = clause.TextEn!.Trim(),
        DueOn = clause.DueOn,
        AmountYuan = clause.AmountYuan,
    };

    /// <summary>The performance clauses of a contract, each with its number, kind and text in both languages; a 400 naming the first one wrong.</summary>
    public static List<ClauseRequest> CheckClauses(ClauseRequest[]? clauses)
    {
        var list = (clauses ?? []).ToList();
        if (list.Count > 200)
        {
            throw RefusalException.Invalid("clauses", "At most 200 performance clauses.", "履约条款最多 200 条。");
        }

        for (var i = 0; i < list.Count; i++)
        {
            var clause = list[i] ?? throw RefusalException.Invalid($"clauses[{i}]", "A clause may not be null.", "条款不能为空（null）。");
            if (string.IsNullOrWhiteSpace(clause.Number) || clause.Number.Length > 32)
            {
                throw RefusalException.Invalid($"clauses[{i}].number", "Each clause needs its number in the contract (at most 32 characters).", "每条条款须填写其在合同中的条款编号（最多 32 个字符）。");
            }

            if (clause.Kind is null)
            {
                throw RefusalException.Invalid($"clauses[{i}].kind", $"Each clause needs its kind: {string.Join(", ", Enum.GetNames<ClauseKind>())}.",
                    $"每条条款须填写类型：{string.Join(", ", Enum.GetNames<ClauseKind>())}。");
            }

            if (string.IsNullOrWhiteSpace(clause.TextZh) || string.IsNullOrWhiteSpace(clause.TextEn) || clause.TextZh.Length > 4000 || clause.TextEn.Length > 4000)
            {
                throw RefusalException.Invalid($"clauses[{i}].textZh", "Each clause needs its text in Chinese and English (at most 4000 characters each).", "每条条款须填写中文和英文条款文本（各最多 4000 个字符）。");
            }

            if (clause.AmountYuan is { } amount && (amount < 0 || !Yuan.IsCents(amount) || amount > Yuan.Largest))
            {
                throw RefusalException.Invalid($"clauses[{i}].amountYuan", "A clause's amount is 0 or more yuan, in fen at most.", "条款金额应不小于 0 元，最多精确到分。");
            }
        }

        var repeated = list.GroupBy(c => c.Number!.Trim()).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? list : throw RefusalException.Invalid("clauses", $"Clause number '{Text.Cut(repeated.Key)}' appears twice.", $"条款编号“{Text.Cut(repeated.Key)}”重复出现。");
    }
}
