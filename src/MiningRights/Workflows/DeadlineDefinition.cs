using System.Text.Json.Nodes;

namespace MiningRights.Workflows;

/// <summary>
/// A dated duty. Due date = the instance date named by <see cref="From"/> plus <see cref="Period"/> (or the
/// province parameter named by <see cref="PeriodParameter"/>, in days), never earlier than <see cref="NotBefore"/>.
/// </summary>
public sealed record DeadlineDefinition
{
    public required string Rule { get; init; }

    public required LocalizedText What { get; init; }

    public required string From { get; init; }

    public string? Period { get; init; }

    public string? PeriodParameter { get; init; }

    public string? NotBefore { get; init; }

    /// <summary>"parameter" for the province's reminder schedule, or an explicit list of days before the due date.</summary>
    public JsonNode? Reminders { get; init; }

    /// <summary>The notice sent for each reminder stage.</summary>
    public string? ReminderNotice { get; init; }

    /// <summary>Who the reminders go to: whoever must act (the holder by default; the authority for its own steps).</summary>
    public IReadOnlyList<string> Remind { get; init; } = ["holder"];

    /// <summary>
    /// True for a timer of the authority's (the grace before a case), not a duty of the holder: it is not listed
    /// among the holder's deadlines and its expiry does not count as a missed due date.
    /// </summary>
    public bool Escalation { get; init; }
}
