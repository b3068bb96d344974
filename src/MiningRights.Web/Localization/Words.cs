using System.Globalization;
using System.Text.RegularExpressions;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Web.Localization;

/// <summary>
/// The one place where the service's internal names become words in the reader's language: workflow states and signals
/// (read from the definitions, which carry both languages), case statuses, severities, roles, actors,
/// recorded actions and jurisdictions. A page prints what this says, never an identifier.
/// </summary>
public sealed partial class Words(Ui ui, WorkflowRegistry registry)
{
    /// <summary>A process's name from its definition (any version: the title names the process, not the version).</summary>
    public string Process(string definitionId, int? version = null) =>
        Definition(definitionId, version)?.Title.In(ui.Language) ?? ui.T("业务流程", "A process");

    /// <summary>A state as the definition names it ("plan not submitted"), else a neutral word, never its identifier.</summary>
    public string State(string definitionId, string? state, int? version = null) =>
        state is not null && Definition(definitionId, version) is { } definition && definition.States.TryGetValue(state, out var found)
            ? found.Status.In(ui.Language)
            : ui.T("（未知状态）", "(unknown state)");

    /// <summary>A signal by its label in the definition.</summary>
    public string Signal(string definitionId, string signal, int? version = null) =>
        Definition(definitionId, version) is { } definition && definition.Signals.TryGetValue(signal, out var found)
            ? found.Label.In(ui.Language)
            : ui.T("办理", "A step");

    /// <summary>What moved an instance: its start, a person's step, a deadline passing or a recorded objection.</summary>
    public string Trigger(string definitionId, string trigger, int? version = null)
    {
        var (kind, name) = trigger.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (trigger[..colon], trigger[(colon + 1)..]) : (trigger, string.Empty);
        return kind switch
        {
            "start" => ui.T("流程开始", "the process started"),
            "signal" => Signal(definitionId, name, version),
            // A deadline named after the instance's own values ({obligationZh}) is named by the page that shows them, not here.
            "deadline" => Definition(definitionId, version)?.Deadlines.TryGetValue(name, out var deadline) == true && !deadline!.What.Zh.Contains('{', StringComparison.Ordinal)
                ? ui.T($"期限届满：{deadline.What.Zh}", $"deadline passed: {deadline.What.En}")
                : ui.T("期限届满", "a deadline passed"),
            "extend" => ui.T("延长期限", "a deadline was extended"),
            "objection" => name switch
            {
                "received" => ui.T("收到异议", "an objection was received"),
                "upheld" => ui.T("异议成立", "the objection was upheld"),
                "rejected" => ui.T("异议不成立", "the objection was rejected"),
                _ => ui.T("异议处理", "an objection was decided"),
            },
            _ => ui.T("办理", "a step"),
        };
    }

    /// <summary>A journal step as a sentence: who did what, and the state it left the process in; the rule is printed beside it.</summary>
    public string Step(string definitionId, int? version, string actor, string trigger, string? fromState, string toState) =>
        fromState is null || fromState == toState
            ? ui.T($"{Actor(actor)}：{Trigger(definitionId, trigger, version)}，状态为“{State(definitionId, toState, version)}”。",
                $"{Actor(actor)}: {Trigger(definitionId, trigger, version)}; the state is “{State(definitionId, toState, version)}”.")
            : ui.T($"{Actor(actor)}：{Trigger(definitionId, trigger, version)}，状态由“{State(definitionId, fromState, version)}”变为“{State(definitionId, toState, version)}”。",
                $"{Actor(actor)}: {Trigger(definitionId, trigger, version)}; the state moved from “{State(definitionId, fromState, version)}” to “{State(definitionId, toState, version)}”.");

    /// <summary>
    /// A step's note as a reader may read it: the values a signal carried (<c>rectifyBy = 2025-05-01</c>) under their
    /// labels, a choice by its label, lateness in words; what the service wrote for its own records (a stored file's id
    /// and hash) is left out, the file being listed on the page itself. Text a person or the service wrote stays as written.
    /// </summary>
    public string? Note(string definitionId, int? version, string trigger, string? note)
    {
        if (note is null || StoredFileNote().IsMatch(note))
        {
            return null;
        }

        var late = note == LateNote || note.EndsWith($" ({LateNote})", StringComparison.Ordinal);
        var text = !late ? note : note == LateNote ? string.Empty : note[..^(LateNote.Length + 3)];
        if (trigger.StartsWith("signal:", StringComparison.Ordinal)
            && Definition(definitionId, version)?.Signals.GetValueOrDefault(trigger["signal:".Length..]) is { } signal)
        {
            // The runtime writes "note — name = value; name = value": the note as sent, then what the signal carried.
            var dash = text.LastIndexOf(" — ", StringComparison.Ordinal);
            var (sent, carried) = dash >= 0 ? (text[..dash], text[(dash + 3)..]) : SplitUndashed(text);
            var values = string.Join(ui.T("；", "; "), carried.Split("; ").Select(part => Carried(signal, part)).OfType<string>());

            // A note the service wrote in English beside values given in both languages: the values say it in the reader's.
            text = sent.Length == 0 || (values.Length > 0 && !ui.IsEnglish && LanguageOf(sent) == Ui.English) ? values
                : values.Length == 0 ? sent : $"{sent} — {values}";
        }
        else if (ObjectionNote().Match(text) is { Success: true } objection)
        {
            text = ui.T($"异议人：{objection.Groups["who"].Value}，收到日期：{objection.Groups["on"].Value}，理由：{objection.Groups["grounds"].Value}",
                $"Objection from {objection.Groups["who"].Value}, received {objection.Groups["on"].Value}: {objection.Groups["grounds"].Value}");
        }

        return late ? text + ui.T("（逾期：已过截止日期）", text.Length == 0 ? "late: after the due date" : " (late: after the due date)") : text;
    }

    /// <summary>A note without the runtime's dash: all of it carried values when it reads "name = value", else all of it sent.</summary>
    private static (string Sent, string Carried) SplitUndashed(string text) =>
        text.Contains(" = ", StringComparison.Ordinal) ? (string.Empty, text) : (text, string.Empty);

    /// <summary>
    /// The language a text is written in, for its <c>lang</c>: English when it has more Latin letters than Chinese
    /// characters (an English finding quoting a clause number such as 第十条), else Chinese.
    /// </summary>
    public static string LanguageOf(string text) =>
        text.Count(char.IsAsciiLetter) > text.Count(c => c is >= '\u4e00' and <= '\u9fff') ? Ui.English : Ui.Chinese;

    /// <summary>
    /// One value a signal carried, <c>name = value</c>, under its label and with a choice's label; of a value given in both
    /// languages (<c>breachZh</c>, <c>breachEn</c>) the reader's alone; a value the definition does not declare by its value only.
    /// </summary>
    private string? Carried(SignalDefinition signal, string part)
    {
        var equals = part.IndexOf(" = ", StringComparison.Ordinal);
        if (equals <= 0)
        {
            return part;
        }

        var name = part[..equals];
        if (name.EndsWith(ui.IsEnglish ? "Zh" : "En", StringComparison.Ordinal))
        {
            return null;
        }

        if (!signal.Inputs.TryGetValue(name, out var input))
        {
            return part[(equals + 3)..];
        }

        var value = part[(equals + 3)..];
        if (input.Type == "choice" && input.Values.Contains(value))
        {
            value = input.ValueLabel(value, ui.Language);
        }

        return ui.T($"{input.Label.Zh}：{value}", $"{input.Label.En}: {value}");
    }

    /// <summary>Who acted: a person by their account name, the service by why it acted, the demo by its name.</summary>
    public string Actor(string actor)
    {
        if (actor == Accounts.Actor.Deadline.Name)
        {
            return ui.T("系统（期限届满）", "The service (a deadline passed)");
        }

        if (actor == Demo.DemoData.SeedActor)
        {
            return ui.T("演示数据", "Demo data");
        }

        if (!actor.StartsWith("system:", StringComparison.Ordinal))
        {
            return actor;
        }

        var why = actor["system:".Length..];
        if (ByPerson().Match(why) is { Success: true } by)
        {
            var person = by.Groups["person"].Value;
            return why.StartsWith("relief claim", StringComparison.Ordinal)
                ? ui.T($"系统（{person} 批准免责申请）", $"The service (relief claim accepted by {person})")
                : ui.T($"系统（{person} 申报零收入）", $"The service (zero revenue declared by {person})");
        }

        return why switch
        {
            "performance evaluation" => ui.T("系统（合同履约评估）", "The service (contract performance evaluation)"),
            "quarterly verification" => ui.T("系统（季度核查）", "The service (quarterly verification)"),
            "renewal coverage" => ui.T("系统（延续跟踪）", "The service (renewal tracking)"),
            _ => ui.T("系统", "The service"),
        };
    }

    public string Role(string role) => role switch
    {
        Roles.Authority => ui.T("登记机关工作人员", "Registration officer"),
        Roles.Inspector => ui.T("监督检查人员", "Inspector"),
        Roles.Holder => ui.T("矿业权人", "Rights holder"),
        Roles.Admin => ui.T("系统管理员", "Administrator"),
        _ => ui.T("其他角色", "Other role"),
    };

    public string Severity(int severity) => severity switch
    {
        <= 1 => ui.T("低", "Low"),
        2 => ui.T("中", "Medium"),
        _ => ui.T("高", "High"),
    };

    public string CaseStatus(CaseStatus status) => status switch
    {
        Cases.CaseStatus.Open => ui.T("待查明事实", "Open, awaiting findings"),
        Cases.CaseStatus.FindingsRecorded => ui.T("已查明事实", "Findings recorded"),
        Cases.CaseStatus.Rectifying => ui.T("限期整改中", "Rectification under way"),
        Cases.CaseStatus.AwaitingDecision => ui.T("待登记机关决定", "Awaiting the authority's decision"),
        Cases.CaseStatus.Closed => ui.T("已结案", "Closed"),
        _ => ui.T("未知", "Unknown"),
    };

    /// <summary>A case's state: its own workflow's state where it has one, else its stored status.</summary>
    public string CaseState(CaseView c) => c.CaseState is { } state ? State(CaseDefinitionId, state) : CaseStatus(c.Status);

    /// <summary>A jurisdiction's name, from the catalogue of divisions the service knows; an unknown code is printed as the code it is (six digits).</summary>
    public string Jurisdiction(string? code) =>
        code is null ? "—" : JurisdictionCatalog.Name(code) is { } name ? ui.T(name.Zh, name.En) : code;

    /// <summary>A recorded action of the audit trail (<c>right.registered</c>) as words.</summary>
    public string Action(string action) => action switch
    {
        "right.registered" => ui.T("登记矿业权", "registered the right"),
        "right.status" => ui.T("变更矿业权状态", "changed the right's status"),
        "right.renewed" => ui.T("延续矿业权有效期", "renewed the right's term"),
        "holder.registered" => ui.T("登记矿业权人", "registered the holder"),
        "plan.submitted" => ui.T("提交方案", "submitted a plan"),
        "plan.quota" => ui.T("编制出让计划", "set the transfer plan"),
        "contract.signed" => ui.T("签订出让合同", "signed the contract"),
        "contract.entered" => ui.T("录入出让合同", "entered the contract"),
        "contract.amended" => ui.T("变更出让合同", "amended the contract"),
        "income.payment" => ui.T("登记缴款", "recorded a payment"),
        "income.declared" => ui.T("申报年度销售收入", "declared a year's revenue"),
        "relief.claimed" => ui.T("申请免责", "claimed relief"),
        "deadline.extended" => ui.T("延长期限", "extended a deadline"),
        "notice.retried" => ui.T("重新投递通知", "retried a notice"),
        "license.reissued" => ui.T("换发许可证", "reissued the licence"),
        "license.provisional" => ui.T("核发过渡期采矿许可证", "issued a provisional licence"),
        "verification.batched" => ui.T("列入季度核查", "put into quarterly verification"),
        "block.agreement" => ui.T("启动协议出让", "started a transfer by agreement"),
        "block.added" => ui.T("入库出让区块", "added the block to the pool"),
        "block.planned" => ui.T("列入年度出让计划", "put the block in the annual plan"),
        "block.announced" => ui.T("发布出让公告", "announced the transfer"),
        "block.transacted" => ui.T("确认成交", "recorded the transaction"),
        "block.returned" => ui.T("退回出让项目库", "returned the block to the pool"),
        "disclosure.objection" => ui.T("收到异议", "received an objection"),
        "disclosure.objection.decided" => ui.T("处理异议", "decided an objection"),
        "policy.rulebook-added" => ui.T("增加政策规则", "added a rulebook"),
        _ when action.StartsWith("workflow.", StringComparison.Ordinal) => Process(action["workflow.".Length..]),
        _ => ui.T("办理", "acted"),
    };

    /// <summary>The definition id of the case workflow, whose states a case shows.</summary>
    public const string CaseDefinitionId = "case";

    /// <summary>What the runtime appends to the note of a step taken after its due date.</summary>
    private const string LateNote = "late: after the due date";

    private WorkflowDefinition? Definition(string id, int? version) =>
        (version is { } v ? registry.Find(id, v) : null)?.Definition ?? (registry.Versions(id) is { Count: > 0 } all ? all[^1].Definition : null);

    [GeneratedRegex(@"^plan [0-9a-fA-F-]{36} sha256 ")]
    private static partial Regex StoredFileNote();

    [GeneratedRegex(@"^Objection from (?<who>.+), received (?<on>\d{4}-\d{2}-\d{2}): (?<grounds>.*)$", RegexOptions.Singleline)]
    private static partial Regex ObjectionNote();

    [GeneratedRegex(@" by (?<person>.+)$")]
    private static partial Regex ByPerson();
}
