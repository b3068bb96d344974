namespace MiningRights.Workflows;

/// <summary>
/// A notice the runtime asks for: its template and facts, who it is for (<see cref="NoticeAudiences"/> about
/// <see cref="Subject"/>), and the key that makes it be queued once per recipient.
/// </summary>
public sealed record OutgoingNotice(
    string Key,
    NoticeDefinition Template,
    NoticeFacts Facts,
    IReadOnlyList<string> Audiences,
    Subject Subject,
    string Stage,
    WorkflowInstance Instance,
    Guid? DeadlineId,
    DateTime NowUtc);
