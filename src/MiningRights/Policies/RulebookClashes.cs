namespace MiningRights.Policies;

/// <summary>Rulebooks used together: ids, rule windows, provisions and parameter units that clash across files.</summary>
internal static class RulebookClashes
{
    public static void Check(IReadOnlyList<LoadedRulebook> rulebooks, List<RulebookProblem> problems)
    {
        foreach (var twice in rulebooks.GroupBy(r => r.Rulebook.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new RulebookProblem(twice.Last().File, "$.id", $"rulebook '{twice.Key}' is loaded more than once ({string.Join(", ", twice.Select(r => r.File))})"));
        }

        var rules = rulebooks.SelectMany(b => b.Rules.Select(r => new Entry(b, r))).ToList();
        foreach (var byId in rules.GroupBy(x => x.Rule.Id))
        {
            if (byId.Select(x => x.Rule.Issuer).Distinct().Count() > 1)
            {
                problems.Add(new RulebookProblem(byId.Last().Book.File, "$.rules", $"rule '{byId.Key}' is issued by more than one issuer ({string.Join(", ", byId.Select(x => x.Rule.Issuer).Distinct())})"));
            }

            foreach (var (a, b) in Overlapping(byId.ToList()))
            {
                problems.Add(new RulebookProblem(b.Book.File, "$.rules", $"rule '{byId.Key}' is in force twice from {Later(a.Rule, b.Rule):yyyy-MM-dd} ({a.Book.File} and {b.Book.File}): the windows of one rule may not overlap"));
            }
        }

        foreach (var byIssuer in rules.GroupBy(x => x.Rule.Issuer))
        {
            foreach (var provision in byIssuer.SelectMany(x => x.Rule.Provides).Distinct())
            {
                foreach (var (a, b) in Overlapping(byIssuer.Where(x => x.Rule.Provides.Contains(provision)).ToList()))
                {
                    problems.Add(new RulebookProblem(b.Book.File, "$.rules", $"'{provision}' is provided by {a.Rule.Id} and {b.Rule.Id} of issuer {byIssuer.Key} on the same days from {Later(a.Rule, b.Rule):yyyy-MM-dd}"));
                }
            }
        }

        var units = new Dictionary<string, (string Unit, string File)>(StringComparer.Ordinal);
        foreach (var book in rulebooks)
        {
            foreach (var parameter in book.Rulebook.Parameters.Concat(book.Rules.SelectMany(r => r.Parameters)))
            {
                if (units.TryGetValue(parameter.Name, out var known) && known.Unit != parameter.Unit)
                {
                    problems.Add(new RulebookProblem(book.File, "$", $"parameter '{parameter.Name}' is in {parameter.Unit} here and in {known.Unit} in {known.File}"));
                }

                units.TryAdd(parameter.Name, (parameter.Unit, book.File));
            }
        }
    }

    private static IEnumerable<(Entry A, Entry B)> Overlapping(IReadOnlyList<Entry> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                var (a, b) = (items[i].Rule, items[j].Rule);
                if (a.InForceFrom <= b.InForceUntil && b.InForceFrom <= a.InForceUntil)
                {
                    yield return (items[i], items[j]);
                }
            }
        }
    }

    private static DateOnly Later(PolicyRule a, PolicyRule b) => a.InForceFrom > b.InForceFrom ? a.InForceFrom : b.InForceFrom;

    private sealed record Entry(LoadedRulebook Book, PolicyRule Rule);
}
