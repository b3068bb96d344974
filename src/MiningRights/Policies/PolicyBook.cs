using System.Collections.Concurrent;

namespace MiningRights.Policies;

/// <summary>
/// The rulebooks in force in the service: the product's own, read at start, and those an administrator has added since.
/// It answers which rule a place and a day cite, which rules are in force where and when, and the parameters' values.
/// A rule applies only inside its issuer's territory (national rules everywhere, a province's in that province) and
/// window; a duty keeps the provincial rules in force on the day it arose, and cites the national rules in force on the
/// day of each act (POLICY.md §6).
/// </summary>
public sealed class PolicyBook
{
    /// <summary>The issuer code of national rules: the Ministry, above every province.</summary>
    public const string National = "100000";

    /// <summary>The step of a right's life at which the registration authority applies a rule of its province.</summary>
    public const string RegistrationStage = "registration";

    private readonly ParameterOptions _overrides;
    private readonly ConcurrentDictionary<(string Province, DateOnly On), ProvinceParameters> _parameters = new();
    private readonly Lock _gate = new();
    private volatile Contents _contents;

    public PolicyBook(IReadOnlyList<LoadedRulebook> rulebooks, MineralList minerals, ParameterOptions overrides)
    {
        _overrides = overrides;
        Minerals = minerals;
        _contents = new Contents(rulebooks);
        var problems = ValidateOverrides().ToList();
        if (problems.Count > 0)
        {
            throw new RulebookException([.. problems.Select(p => new RulebookProblem("configuration", ParameterOptions.Section, p))]);
        }
    }

    public MineralList Minerals { get; }

    public IReadOnlyList<LoadedRulebook> Rulebooks => _contents.Rulebooks;

    /// <summary>Every rule of every rulebook, each version of a rule once.</summary>
    public IReadOnlyList<PolicyRule> Rules => _contents.Rules;

    /// <summary>Every parameter any rulebook defines, by name (one definition each: the units agree across rulebooks).</summary>
    public ParameterDefinition? Parameter(string name) =>
        _contents.Parameters[name].FirstOrDefault();

    public IReadOnlyList<string> ParameterNames =>
        [.. _contents.Parameters.Select(p => p.Key).Order(StringComparer.Ordinal)];

    public bool Knows(string ruleId) => _contents.ById.Contains(ruleId);

    /// <summary>Whether some rule of some rulebook fills <paramref name="provision"/>.</summary>
    public bool IsProvided(string provision) => _contents.Rules.Any(r => r.Provides.Contains(provision));

    /// <summary>Every version of the rule, earliest first.</summary>
    public IReadOnlyList<PolicyRule> Versions(string ruleId) => [.. _contents.ById[ruleId]];

    /// <summary>The version of the rule in force on <paramref name="on"/>, or null.</summary>
    public PolicyRule? Find(string ruleId, DateOnly on) => _contents.ById[ruleId].FirstOrDefault(r => r.InForceOn(on));

    /// <summary>The version in force on <paramref name="on"/>, else the latest: how a stored rule ID is shown.</summary>
    public PolicyRule? Describe(string ruleId, DateOnly on) => Find(ruleId, on) ?? _contents.ById[ruleId].LastOrDefault();

    /// <summary>Every rule, in every window and place, that fills <paramref name="provision"/>.</summary>
    public IReadOnlyList<PolicyRule> Providers(string provision) => [.. _contents.Rules.Where(r => r.Provides.Contains(provision))];

    /// <summary>
    /// The rule that fills <paramref name="provision"/> for a subject: its province's rule in force on
    /// <paramref name="arisenOn"/> where one reaches it, else a national one in force on <paramref name="today"/>; null when
    /// none does. With <paramref name="scoped"/> false the rule's own scope (right kind, transfer mode, ...) is not asked.
    /// </summary>
    public PolicyRule? Provider(string provision, RuleSubject subject, DateOnly arisenOn, DateOnly today, bool scoped = true) =>
        _contents.Rules.FirstOrDefault(r => !r.IsNational && r.Provides.Contains(provision) && r.Reaches(subject.JurisdictionCode) && r.InForceOn(arisenOn) && (!scoped || Covers(r, subject)))
        ?? _contents.Rules.FirstOrDefault(r => r.IsNational && r.Provides.Contains(provision) && r.InForceOn(today) && (!scoped || Covers(r, subject)));

    /// <summary>
    /// The rule a definition's reference (a rule ID or a provision) cites for a subject: a national rule as in force on
    /// <paramref name="today"/>, a province's rule as in force on <paramref name="arisenOn"/> and only in that province,
    /// and only where the rule's scope covers the subject; null when none applies.
    /// </summary>
    public PolicyRule? Resolve(string reference, RuleSubject subject, DateOnly arisenOn, DateOnly today)
    {
        if (!RulebookLoader.IsRuleId(reference))
        {
            return Provider(reference, subject, arisenOn, today);
        }

        return _contents.ById[reference].FirstOrDefault(r => r.Reaches(subject.JurisdictionCode) && r.InForceOn(r.IsNational ? today : arisenOn) && Covers(r, subject))
            ?? _contents.ById[reference].FirstOrDefault(r => r.IsNational && r.InForceOn(arisenOn) && Covers(r, subject));
    }

    /// <summary>The ID of the rule <paramref name="reference"/> resolves to for a subject on <paramref name="on"/>, else <paramref name="otherwise"/> (a national rule).</summary>
    public string IdOr(string reference, RuleSubject subject, DateOnly on, string otherwise) => Resolve(reference, subject, on, on)?.Id ?? otherwise;

    /// <summary>
    /// What an act cites: the rule its own reference resolves to first, then the rules the others resolve to, each once.
    /// Never empty: when nothing reaches the subject on its days, the latest rule named (or filling a provision named)
    /// stands, its own province's first; the loader makes sure every definition names something the rulebooks have.
    /// </summary>
    public Citation Cite(string primary, IEnumerable<string> references, RuleSubject subject, DateOnly arisenOn, DateOnly today)
    {
        var all = references as IReadOnlyCollection<string> ?? [.. references];
        var rules = new List<PolicyRule>();
        foreach (var reference in all.Prepend(primary))
        {
            if (Resolve(reference, subject, arisenOn, today) is { } rule && !rules.Contains(rule))
            {
                rules.Add(rule);
            }
        }

        // Nothing reaches the subject on its days (a process written into the database outside the service, or one whose
        // rule has gone): the latest rule named, or filling what was named, in the subject's province first, still stands.
        if (rules.Count == 0)
        {
            foreach (var reference in all.Prepend(primary))
            {
                var candidates = (RulebookLoader.IsRuleId(reference) ? _contents.ById[reference] : _contents.Rules.Where(r => r.Provides.Contains(reference))).ToList();
                if ((candidates.LastOrDefault(r => r.Reaches(subject.JurisdictionCode)) ?? candidates.LastOrDefault()) is { } latest)
                {
                    rules.Add(latest);
                    break;
                }
            }
        }

        return rules.Count > 0 ? new Citation(rules)
            : throw new InvalidOperationException($"Nothing of {string.Join(", ", all.Prepend(primary))} is a rule of the rulebooks.");
    }

    /// <summary>The rules in force in the province of <paramref name="jurisdictionCode"/> on <paramref name="on"/>: national, then the province's.</summary>
    public IReadOnlyList<PolicyRule> InForce(string jurisdictionCode, DateOnly on) =>
        [.. _contents.Rules.Where(r => r.Reaches(jurisdictionCode) && r.InForceOn(on)).OrderBy(r => r.IsNational ? 1 : 0).ThenBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>The parameters in force in the province of <paramref name="jurisdictionCode"/> on <paramref name="on"/>.</summary>
    public ProvinceParameters Parameters(string jurisdictionCode, DateOnly on)
    {
        var province = jurisdictionCode[..2] + "0000";
        return _parameters.GetOrAdd((province, on), key => Compute(key.Province, key.On));
    }

    /// <summary>The problems <paramref name="candidate"/> would have beside the rulebooks in force; none: it may be added.</summary>
    public IReadOnlyList<RulebookProblem> CheckAddition(LoadedRulebook candidate)
    {
        var problems = new List<RulebookProblem>();
        if (_contents.Rulebooks.Any(r => r.ContentHash == candidate.ContentHash))
        {
            problems.Add(new RulebookProblem(candidate.File, "$", "this rulebook is already in force"));
        }

        RulebookLoader.CheckTogether([.. _contents.Rulebooks, candidate], problems);
        return problems;
    }

    /// <summary>Takes <paramref name="added"/> into force from now on (its own window decides from which day it applies).</summary>
    public void Use(LoadedRulebook added)
    {
        lock (_gate)
        {
            if (_contents.Rulebooks.Any(r => r.ContentHash == added.ContentHash))
            {
                return;
            }

            _contents = new Contents([.. _contents.Rulebooks, added]);
            _parameters.Clear();
        }
    }

    /// <summary>Every configured parameter value that no rulebook defines, or that its definition refuses.</summary>
    public IEnumerable<string> ValidateOverrides()
    {
        var definitions = _contents.Parameters;
        foreach (var (where, values) in _overrides.Provinces.Select(p => ($"Provinces:{p.Key}", p.Value)).Prepend(("Defaults", _overrides.Defaults)))
        {
            if (where != "Defaults" && (where[10..] is not { Length: 6 } code || !code.All(char.IsAsciiDigit) || !code.EndsWith("0000", StringComparison.Ordinal)))
            {
                yield return $"Parameters:{where}: '{where[10..]}' is not a six-digit province code such as 620000.";
                continue;
            }

            foreach (var (name, text) in values)
            {
                if (!definitions.Contains(name))
                {
                    yield return $"Parameters:{where}:{name}: no rulebook defines the parameter '{name}' (known: {string.Join(", ", definitions.Select(d => d.Key).Order(StringComparer.Ordinal))}).";
                    continue;
                }

                foreach (var definition in definitions[name])
                {
                    if (ParameterUnits.Read(definition, text, out var error) is null)
                    {
                        yield return $"Parameters:{where}:{name}: {error}.";
                        break;
                    }
                }
            }
        }
    }

    private ProvinceParameters Compute(string province, DateOnly on)
    {
        var values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        var configured = _overrides.Provinces.GetValueOrDefault(province);

        // National first, the province's after, so that a province's own rule replaces a national default of the same name.
        foreach (var book in _contents.Rulebooks.Where(b => b.Rulebook.Issuer == National || b.Rulebook.Issuer == province).OrderBy(b => b.Rulebook.Issuer == National ? 0 : 1))
        {
            var defined = book.Rulebook.ValidFrom <= on && on <= book.Rulebook.ValidUntil
                ? book.Rulebook.Parameters.Select(p => (Rule: (string?)null, Parameter: p))
                : [];
            foreach (var (rule, parameter) in defined.Concat(book.Rules.Where(r => r.InForceOn(on)).SelectMany(r => r.Parameters.Select(p => (Rule: (string?)r.Id, Parameter: p)))))
            {
                var text = configured?.GetValueOrDefault(parameter.Name) ?? _overrides.Defaults.GetValueOrDefault(parameter.Name);
                var value = text is null ? ParameterUnits.Read(parameter, parameter.Default, out _) : ParameterUnits.Read(parameter, text, out _);
                values[parameter.Name] = new ParameterValue(parameter, value!, rule, text is not null);
            }
        }

        return new ProvinceParameters(values);
    }

    private bool Covers(PolicyRule rule, RuleSubject subject) => rule.AppliesTo?.Covers(subject, Minerals) ?? true;

    private sealed class Contents
    {
        public Contents(IReadOnlyList<LoadedRulebook> rulebooks)
        {
            Rulebooks = rulebooks;
            Rules = [.. rulebooks.SelectMany(b => b.Rules).OrderBy(r => r.InForceFrom)];
            ById = Rules.ToLookup(r => r.Id, StringComparer.Ordinal);
            Parameters = rulebooks.SelectMany(b => b.Rulebook.Parameters.Concat(b.Rules.SelectMany(r => r.Parameters))).ToLookup(p => p.Name, StringComparer.Ordinal);
        }

        public IReadOnlyList<LoadedRulebook> Rulebooks { get; }

        public IReadOnlyList<PolicyRule> Rules { get; }

        public ILookup<string, PolicyRule> ById { get; }

        /// <summary>Every definition of every parameter, by name (a name may be defined by several versions of a rule).</summary>
        public ILookup<string, ParameterDefinition> Parameters { get; }
    }
}
