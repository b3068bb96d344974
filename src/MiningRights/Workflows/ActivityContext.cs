using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Policies;
using MiningRights.Rights;

namespace MiningRights.Workflows;

/// <summary>What an activity may see and change while a state is entered; its changes commit with the transition.</summary>
public sealed class ActivityContext
{
    public required MiningRightsDbContext Db { get; init; }

    /// <summary>The runtime running the transition, for activities that start further workflows in the same unit of work.</summary>
    public required WorkflowRuntime Runtime { get; init; }

    public required WorkflowRegistry Registry { get; init; }

    public required WorkflowInstance Instance { get; init; }

    public required LoadedDefinition Definition { get; init; }

    public required MiningRight Right { get; init; }

    public required Holder Holder { get; init; }

    public required Actor Actor { get; init; }

    public required JournalEntry Entry { get; init; }

    public required DateTime NowUtc { get; init; }

    public required ProvinceCalendar Calendar { get; init; }

    public required ProvinceParameters Parameters { get; init; }

    public required InstanceValues Values { get; init; }

    /// <summary>The deadline whose expiry fired the transition, if one did.</summary>
    public Deadline? ExpiredDeadline { get; init; }

    /// <summary>Deadlines opened by this transition, by name.</summary>
    public required IReadOnlyDictionary<string, Deadline> OpenedDeadlines { get; init; }

    public DateOnly Today => Calendar.DateAt(new DateTimeOffset(NowUtc));
}
