namespace MiningRights.Workflows;

/// <summary>
/// What a feature relies on in a workflow definition it starts or acts on: the definition itself, the kind of subject
/// it runs on, and the states, signals, deadlines and dates the feature's code names. Declared in the feature's AddXxx
/// (<see cref="WorkflowServiceCollectionExtensions.AddWorkflowContract"/>) and checked against every loaded version
/// when the registry is built, so a definition edited without its feature (a state renamed, a signal dropped) stops
/// the service at start with the file and the reason, instead of failing on the first holder it reaches.
/// </summary>
public sealed record WorkflowContract(string Feature, string Workflow)
{
    public string? Subject { get; init; }

    public IReadOnlyList<string> States { get; init; } = [];

    public IReadOnlyList<string> Signals { get; init; } = [];

    public IReadOnlyList<string> Deadlines { get; init; } = [];

    /// <summary>Dates the feature gives at start or reads back: each must be one the definition knows (start date, recorded, deadline, date input).</summary>
    public IReadOnlyList<string> Dates { get; init; } = [];

    /// <summary>The problems of <paramref name="versions"/> (every loaded version of <see cref="Workflow"/>) against this contract.</summary>
    public IEnumerable<DefinitionProblem> Check(IReadOnlyList<LoadedDefinition> versions)
    {
        if (versions.Count == 0)
        {
            yield return new DefinitionProblem($"{Workflow}.json", "$.id", $"{Feature} needs a workflow '{Workflow}', and none is loaded");
            yield break;
        }

        foreach (var loaded in versions)
        {
            var d = loaded.Definition;
            var needs = $"{Feature} needs";
            if (Subject is not null && d.Subject != Subject)
            {
                yield return new DefinitionProblem(loaded.File, "$.subject", $"{needs} it to run on a '{Subject}', not a '{d.Subject}'");
            }

            foreach (var state in States.Where(s => !d.States.ContainsKey(s)))
            {
                yield return new DefinitionProblem(loaded.File, "$.states", $"{needs} the state '{state}'");
            }

            foreach (var signal in Signals.Where(s => !d.Signals.ContainsKey(s)))
            {
                yield return new DefinitionProblem(loaded.File, "$.signals", $"{needs} the signal '{signal}'");
            }

            foreach (var deadline in Deadlines.Where(n => !d.Deadlines.ContainsKey(n)))
            {
                yield return new DefinitionProblem(loaded.File, "$.deadlines", $"{needs} the deadline '{deadline}'");
            }

            var known = DateNameChecker.KnownDates(d);
            foreach (var date in Dates.Where(n => !known.Contains(n)))
            {
                yield return new DefinitionProblem(loaded.File, "$.startDates", $"{needs} the date '{date}' (a start date, a recorded date, a deadline or a date input)");
            }
        }
    }
}
