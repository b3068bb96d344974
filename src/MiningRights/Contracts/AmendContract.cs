using System.Text;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;

namespace MiningRights.Contracts;

/// <summary>
/// A signed contract changes only by a recorded amendment (补充协议): its reason, its day, and each clause it adds or
/// replaces, kept with the text before and after. The income schedule is not amended here: a changed schedule is a
/// decision on transfer income that needs its own rule.
/// </summary>
public sealed class AmendContract(MiningRightsDbContext db, ContractAccess contracts, IncomeRules incomeRules, TimeProvider time)
{
    public sealed record Request(string? Reason, DateOnly? AmendedOn, SignContract.ClauseRequest[]? Clauses);

    public async Task<ContractAmendment> HandleAsync(Guid contractId, Request request, Actor user, CancellationToken ct)
    {
        var contract = await contracts.ForAuthorityAsync(user, contractId, ct);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            throw RefusalException.Invalid("reason", "The reason for the amendment is required (at most 2000 characters).", "必须填写变更理由（最多 2000 个字符）。");
        }

        if (request.Clauses is not { Length: > 0 and <= 50 })
        {
            throw RefusalException.Invalid("clauses", "An amendment adds or replaces 1 to 50 clauses.", "一次变更应新增或替换 1 至 50 条条款。");
        }

        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var amendedOn = request.AmendedOn ?? today;
        if (amendedOn > today || amendedOn < contract.SignedOn)
        {
            throw RefusalException.Invalid("amendedOn", $"The amendment is dated between the signing ({contract.SignedOn:yyyy-MM-dd}) and today.",
                $"变更日期应在合同签订日（{contract.SignedOn:yyyy-MM-dd}）至今天之间。");
        }

        var existing = await db.ContractClauses.Where(c => c.ContractId == contract.Id).ToListAsync(ct);
        var sequence = await db.Amendments.CountAsync(a => a.ContractId == contract.Id, ct) + 1;
        var change = new StringBuilder();
        for (var i = 0; i < request.Clauses.Length; i++)
        {
            var given = request.Clauses[i];
            if (given is null || string.IsNullOrWhiteSpace(given.Number) || given.Number.Length > 32 || given.Kind is null
                || string.IsNullOrWhiteSpace(given.TextZh) || string.IsNullOrWhiteSpace(given.TextEn) || given.TextZh.Length > 4000 || given.TextEn.Length > 4000)
            {
                throw RefusalException.Invalid($"clauses[{i}]", "Each clause needs its number (at most 32 characters), kind and text in Chinese and English (at most 4000 characters each).",
                    "每条条款须填写条款编号（最多 32 个字符）、类型以及中文和英文条款文本（各最多 4000 个字符）。");
            }

            if (given.AmountYuan is { } amount && (amount < 0 || !Yuan.IsCents(amount) || amount > Yuan.Largest))
            {
                throw RefusalException.Invalid($"clauses[{i}].amountYuan", "A clause's amount is 0 or more yuan, in fen at most.", "条款金额应不小于 0 元，最多精确到分。");
            }

            var number = given.Number.Trim();
            if (existing.FirstOrDefault(c => c.Number == number) is { } clause)
            {
                change.Append($"Clause {number} replaced: \"{Text.Cut(clause.TextEn, 200)}\" → \"{Text.Cut(given.TextEn, 200)}\". ");
                clause.Kind = given.Kind.Value;
                clause.TextZh = given.TextZh.Trim();
                clause.TextEn = given.TextEn.Trim();
                clause.DueOn = given.DueOn;
                clause.AmountYuan = given.AmountYuan;
                clause.AmendmentSequence = sequence;
            }
            else
            {
                change.Append($"Clause {number} added: \"{Text.Cut(given.TextEn, 200)}\". ");
                var added = new ContractClause
                {
                    ContractId = contract.Id,
                    Number = number,
                    Kind = given.Kind.Value,
                    TextZh = given.TextZh.Trim(),
                    TextEn = given.TextEn.Trim(),
                    DueOn = given.DueOn,
                    AmountYuan = given.AmountYuan,
                    AmendmentSequence = sequence,
                };
                db.ContractClauses.Add(added);
                existing.Add(added);
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var amendment = new ContractAmendment
        {
            ContractId = contract.Id,
            Sequence = sequence,
            AmendedOn = amendedOn,
            Reason = request.Reason.Trim(),
            Change = Text.Cut(change.ToString().Trim(), 7990),
            RecordedBy = user.Name,
            RecordedAtUtc = now,
        };
        db.Amendments.Add(amendment);
        contract.Version++;
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = "contract.amended",
            DossierId = contract.RightId,
            RuleId = await incomeRules.PerformanceIdAsync(contract, ct),
            Detail = Text.Cut($"Contract {contract.Number} amendment {sequence} ({amendedOn:yyyy-MM-dd}): {amendment.Reason}. {amendment.Change}", 3990),
        });
        await db.SaveChangesAsync(ct);
        return amendment;
    }
}
