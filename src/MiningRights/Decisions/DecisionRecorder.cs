using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Workflows;

namespace MiningRights.Decisions;

/// <summary>
/// The formalities of a decision signal, checked and kept by the runtime for every workflow: the facts, the legal basis
/// (one of the rules in force for the subject), the document number (given by the service within the authority and year,
/// or entered by the officer and unique) and the date. They travel with the signal's values under <see cref="Prefix"/>.
/// </summary>
public sealed class DecisionRecorder(MiningRightsDbContext db, IOptions<DecisionOptions> options) : IDecisionRegister
{
    public const string Prefix = DecisionDraft.Prefix;
    public const string FactsField = "decision.facts";
    public const string BasisField = "decision.basis";
    public const string NumberingField = "decision.numbering";
    public const string NumberField = "decision.number";
    public const string DecidedOnField = "decision.decidedOn";

    /// <summary><see cref="NumberingField"/>: the service numbers the decision; otherwise the number entered stands.</summary>
    public const string ServiceNumbering = "service";
    public const string EnteredNumbering = "entered";

    public const int MaxFactsLength = 4000;
    public const int MaxNumberLength = 100;

    /// <summary>
    /// Checks the formalities: 422 naming every missing or invalid one, 409 for an entered number already used. The
    /// basis must be one of <paramref name="inForce"/>; <paramref name="cite"/> gives its citation as stored.
    /// </summary>
    public async Task<DecisionDraft> CheckAsync(SignalDefinition spec, WorkflowInstance instance, IReadOnlyList<PolicyRule> inForce, Func<string, Citation> cite,
        IReadOnlyDictionary<string, string?> given, DateOnly today, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var errorsZh = new List<string>();
        void Error(string field, string en, string zh)
        {
            errors[field] = [en];
            errorsZh.Add(zh);
        }

        var facts = given.GetValueOrDefault(FactsField)?.Trim();
        if (string.IsNullOrEmpty(facts) || facts.Length > MaxFactsLength)
        {
            Error(FactsField, $"The facts and reasons of the decision are required (at most {MaxFactsLength} characters).", $"必须写明决定所依据的事实和理由（最多 {MaxFactsLength} 个字符）。");
        }

        var basis = given.GetValueOrDefault(BasisField)?.Trim();
        var known = inForce.Select(r => r.Id).ToList();
        if (string.IsNullOrEmpty(basis) || !known.Contains(basis, StringComparer.Ordinal))
        {
            Error(BasisField, $"The legal basis is required: one of the rules in force for {instance.SubjectLabel} ({string.Join(", ", known)}).",
                $"必须选择法律依据：{instance.SubjectLabel} 适用的现行规定之一（{string.Join("、", known)}）。");
        }

        DateOnly decidedOn = default;
        var date = given.GetValueOrDefault(DecidedOnField)?.Trim();
        if (string.IsNullOrEmpty(date) || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out decidedOn) || decidedOn > today)
        {
            Error(DecidedOnField, $"The date of the decision is required (yyyy-MM-dd), not after today ({today:yyyy-MM-dd}).", $"必须填写决定日期（yyyy-MM-dd），且不得晚于今天（{today:yyyy-MM-dd}）。");
        }

        var numbering = given.GetValueOrDefault(NumberingField)?.Trim();
        var entered = given.GetValueOrDefault(NumberField)?.Trim();
        if (string.IsNullOrEmpty(numbering) && !string.IsNullOrEmpty(entered))
        {
            numbering = EnteredNumbering;
        }

        if (numbering is not (ServiceNumbering or EnteredNumbering))
        {
            Error(NumberField, $"The document number is required: enter it, or send {NumberingField} = {ServiceNumbering} for the service to give the next one.",
                $"必须提供决定书文号：填写文号，或选择由系统按登记机关和年度顺序编号（{NumberingField} = {ServiceNumbering}）。");
        }
        else if (numbering == EnteredNumbering && (string.IsNullOrEmpty(entered) || entered.Length > MaxNumberLength))
        {
            Error(NumberField, $"Enter the document number (at most {MaxNumberLength} characters).", $"请填写决定书文号（最多 {MaxNumberLength} 个字符）。");
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(422, "Decision formalities missing",
                $"'{spec.Label.En}' is a formal decision and was not taken: " + string.Join(" ", errors.Values.Select(e => e[0])),
                errors: errors, detailZh: $"“{spec.Label.Zh}”属于正式决定，未作出：" + string.Concat(errorsZh));
        }

        var citation = cite(basis!);
        if (numbering == ServiceNumbering)
        {
            var serial = await NextSerialAsync(instance.AuthorityCode, decidedOn.Year, ct);
            return new DecisionDraft(DecisionOptions.Format(options.Value.PrefixOf(instance.AuthorityCode), decidedOn.Year, serial), decidedOn.Year, serial, decidedOn, facts!, citation);
        }

        if (db.Decisions.Local.Any(d => d.Number == entered) || await db.Decisions.AnyAsync(d => d.Number == entered, ct))
        {
            throw new RefusalException(409, "Document number in use", $"The document number {entered} is already used by another decision.",
                errors: new Dictionary<string, string[]> { [NumberField] = [$"{entered} is already used."] }, detailZh: $"决定书文号 {entered} 已被其他决定使用。");
        }

        return new DecisionDraft(entered!, decidedOn.Year, null, decidedOn, facts!, citation);
    }

    void IDecisionRegister.Record(DecisionDraft draft, WorkflowInstance instance, Guid? addressee, string signal, SignalDefinition spec, JournalEntry entry, string? terms, DateTime now) =>
        Record(draft, instance, addressee, signal, spec, entry, terms, now);

    /// <summary>Adds the decision, taken by <paramref name="signal"/> at journal entry <paramref name="entry"/> and addressed to the holder <paramref name="addressee"/>, to the unit of work.</summary>
    public Decision Record(DecisionDraft draft, WorkflowInstance instance, Guid? addressee, string signal, SignalDefinition spec, JournalEntry entry, string? terms, DateTime now)
    {
        var decision = new Decision
        {
            Number = draft.Number,
            AuthorityCode = instance.AuthorityCode,
            Year = draft.Year,
            Serial = draft.Serial,
            DecidedOn = draft.DecidedOn,
            InstanceId = instance.Id,
            JournalSequence = entry.Sequence,
            DefinitionId = instance.DefinitionId,
            Signal = signal,
            SubjectKind = instance.SubjectKind,
            SubjectId = instance.SubjectId,
            SubjectLabel = instance.SubjectLabel,
            RightId = instance.DossierId,
            HolderId = addressee,
            TitleZh = spec.Label.Zh,
            TitleEn = spec.Label.En,
            ConsequenceZh = spec.Decision!.Consequence.Zh,
            ConsequenceEn = spec.Decision.Consequence.En,
            Facts = draft.Facts,
            Terms = terms is { Length: > MaxFactsLength } ? terms[..MaxFactsLength] : terms,
            RuleId = draft.Basis.RuleId,
            Citation = draft.Basis.Text,
            DecidedBy = entry.Actor,
            RecordedAtUtc = now,
        };
        db.Decisions.Add(decision);
        return decision;
    }

    /// <summary>
    /// The next serial of the authority's year. Two decisions racing for it both read the same maximum; the unique index
    /// on (authority, year, serial) lets one commit and refuses the other as a conflict (409), which writes nothing.
    /// </summary>
    private async Task<int> NextSerialAsync(string authorityCode, int year, CancellationToken ct)
    {
        var stored = await db.Decisions.Where(d => d.AuthorityCode == authorityCode && d.Year == year).MaxAsync(d => d.Serial, ct) ?? 0;
        var pending = db.Decisions.Local.Where(d => d.AuthorityCode == authorityCode && d.Year == year).Max(d => d.Serial) ?? 0;
        return Math.Max(stored, pending) + 1;
    }
}
