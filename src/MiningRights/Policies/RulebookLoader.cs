using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MiningRights.Policies;

/// <summary>
/// Reads and checks rulebook files and the mineral list. Every problem is collected with its file and JSON path so that
/// one start (or one administrator's upload) reports all of them; nothing is used unless everything is valid.
/// </summary>
public static partial class RulebookLoader
{
    public const string MineralFile = "minerals.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    private static readonly string[] KnownKinds = ["exploration", "mining"];
    private static readonly string[] KnownTransferModes = ["tender", "auction", "listing", "agreement"];
    private static readonly string[] KnownStages = ["registration"];
    private static readonly string[] KnownOutcomes = ["public", "agreement"];

    /// <summary>Whether <paramref name="reference"/> is written as a rule ID (<c>GS-9d</c>, <c>CN-TERM</c>) rather than a provision (<c>planDeferral</c>).</summary>
    public static bool IsRuleId(string reference) => RuleIdPattern().IsMatch(reference);

    /// <summary>Loads the mineral list and every other <c>*.json</c> of the folder as a rulebook; throws when any is invalid.</summary>
    public static (IReadOnlyList<LoadedRulebook> Rulebooks, MineralList Minerals) LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new RulebookException([new RulebookProblem(directory, "$", "the rulebooks folder does not exist")]);
        }

        var problems = new List<RulebookProblem>();
        var mineralPath = Path.Combine(directory, MineralFile);
        var minerals = File.Exists(mineralPath)
            ? LoadMinerals(MineralFile, File.ReadAllText(mineralPath), problems)
            : Missing(problems, directory);
        var loaded = new List<LoadedRulebook>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Where(f => Path.GetFileName(f) != MineralFile).Order(StringComparer.Ordinal))
        {
            if (Load(Path.GetFileName(file), File.ReadAllText(file), minerals, problems) is { } rulebook)
            {
                loaded.Add(rulebook);
            }
        }

        CheckTogether(loaded, problems);
        return problems.Count > 0 ? throw new RulebookException(problems) : (loaded, minerals);
    }

    /// <summary>The problems of a set of rulebooks used together: ids, rule windows, provisions and parameters that clash across files.</summary>
    public static void CheckTogether(IReadOnlyList<LoadedRulebook> rulebooks, List<RulebookProblem> problems)
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

    /// <summary>Parses and checks one rulebook's text; problems are added to <paramref name="problems"/>.</summary>
    public static LoadedRulebook? Load(string file, string json, MineralList minerals, List<RulebookProblem> problems)
    {
        Rulebook? book;
        try
        {
            book = JsonSerializer.Deserialize<Rulebook>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is null ? string.Empty : $" (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            var message = ex.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            problems.Add(new RulebookProblem(file, ex.Path ?? "$", (cut > 0 ? message[..cut] : message) + where));
            return null;
        }

        if (book is null)
        {
            problems.Add(new RulebookProblem(file, "$", "the file holds no rulebook"));
            return null;
        }

        var before = problems.Count;
        void Problem(string path, string reason) => problems.Add(new RulebookProblem(file, path, reason));
        Check(book, minerals, Problem);
        if (problems.Count > before)
        {
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var rules = book.Rules.Select(r => r with
        {
            Issuer = book.Issuer,
            IssuerName = book.IssuerName,
            Document = r.Document ?? book.Document,
            ValidFrom = r.ValidFrom ?? book.ValidFrom,
            ValidUntil = r.ValidUntil ?? book.ValidUntil,
            RulebookId = book.Id,
            RulebookHash = hash,
        }).ToList();
        return new LoadedRulebook(book, rules, file, hash, json);
    }

    public static MineralList LoadMinerals(string file, string json, List<RulebookProblem> problems)
    {
        MineralFileContent? content = null;
        try
        {
            content = JsonSerializer.Deserialize<MineralFileContent>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            problems.Add(new RulebookProblem(file, ex.Path ?? "$", ex.Message));
        }

        var minerals = content?.Minerals ?? [];
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < minerals.Count; i++)
        {
            var mineral = minerals[i];
            if (string.IsNullOrWhiteSpace(mineral.Code) || string.IsNullOrWhiteSpace(mineral.Zh) || string.IsNullOrWhiteSpace(mineral.En))
            {
                problems.Add(new RulebookProblem(file, $"$.minerals[{i}]", "a mineral needs its code and its Chinese and English names"));
            }

            foreach (var name in new[] { mineral.Code, mineral.Zh, mineral.En }.Concat(mineral.Aliases).Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                if (names.TryGetValue(name.Trim(), out var other) && other != mineral.Code)
                {
                    problems.Add(new RulebookProblem(file, $"$.minerals[{i}]", $"'{name}' names both {other} and {mineral.Code}"));
                }

                names.TryAdd(name.Trim(), mineral.Code);
            }
        }

        return new MineralList(minerals);
    }

    private static void Check(Rulebook book, MineralList minerals, Action<string, string> problem)
    {
        if (!IdPattern().IsMatch(book.Id ?? string.Empty))
        {
            problem("$.id", "the id must be lower-case letters, digits and hyphens");
        }

        if (book.Issuer is not { Length: 6 } || !book.Issuer.All(char.IsAsciiDigit) || !book.Issuer.EndsWith("0000", StringComparison.Ordinal))
        {
            problem("$.issuer", $"'{book.Issuer}' is not 100000 (national) or a six-digit province code such as 620000");
        }

        CheckText("$.issuerName", book.IssuerName, problem);
        if (book.Document is { } document)
        {
            CheckText("$.document.title", document.Title, problem);
        }

        if (book.ValidUntil < book.ValidFrom)
        {
            problem("$.validUntil", "the window ends before it starts");
        }

        if (book.Rules is not { Count: > 0 })
        {
            problem("$.rules", "a rulebook needs at least one rule");
            return;
        }

        CheckParameters("$.parameters", book.Parameters, problem);
        for (var i = 0; i < book.Rules.Count; i++)
        {
            var rule = book.Rules[i];
            var path = $"$.rules[{i}]";
            if (!IsRuleId(rule.Id ?? string.Empty))
            {
                problem($"{path}.id", $"'{rule.Id}' is not a rule ID such as GS-9d or CN-TERM (capital letters, a hyphen, letters and digits)");
            }

            if ((rule.Document ?? book.Document) is null)
            {
                problem($"{path}.document", "the rule needs the document it is in (its own or the rulebook's)");
            }
            else if (rule.Document is { } own)
            {
                CheckText($"{path}.document.title", own.Title, problem);
            }

            CheckText($"{path}.item", rule.Item, problem);
            CheckText($"{path}.summary", rule.Summary, problem);
            var from = rule.ValidFrom ?? book.ValidFrom;
            var until = rule.ValidUntil ?? book.ValidUntil;
            if (from < book.ValidFrom || until > book.ValidUntil || until < from)
            {
                problem($"{path}.validFrom", $"the rule's window {from:yyyy-MM-dd} to {until:yyyy-MM-dd} is not inside the rulebook's {book.ValidFrom:yyyy-MM-dd} to {book.ValidUntil:yyyy-MM-dd}");
            }

            for (var p = 0; p < rule.Provides.Count; p++)
            {
                if (!ProvisionPattern().IsMatch(rule.Provides[p]))
                {
                    problem($"{path}.provides[{p}]", $"'{rule.Provides[p]}' is not a provision name (camelCase, e.g. planDeferral)");
                }
            }

            if (rule.AppliesTo is { } scope)
            {
                CheckAll($"{path}.appliesTo.rightKinds", scope.RightKinds, KnownKinds, problem);
                CheckAll($"{path}.appliesTo.transferModes", scope.TransferModes, KnownTransferModes, problem);
                for (var m = 0; m < (scope.Minerals?.Count ?? 0); m++)
                {
                    if (minerals.Find(scope.Minerals![m]) is not { } mineral || mineral.Code != scope.Minerals[m])
                    {
                        problem($"{path}.appliesTo.minerals[{m}]", $"'{scope.Minerals![m]}' is not a code of the mineral list");
                    }
                }
            }

            if (rule.Stage is not null && !KnownStages.Contains(rule.Stage))
            {
                problem($"{path}.stage", $"'{rule.Stage}' is not one of {string.Join(", ", KnownStages)}");
            }

            foreach (var outcome in rule.Outcomes.Keys.Where(k => !KnownOutcomes.Contains(k)))
            {
                problem($"{path}.outcomes.{outcome}", $"'{outcome}' is not one of {string.Join(", ", KnownOutcomes)}");
            }

            CheckParameters($"{path}.parameters", rule.Parameters, problem);
            foreach (var name in rule.Parameters.Select(x => x.Name).Intersect(book.Parameters.Select(x => x.Name)))
            {
                problem($"{path}.parameters", $"parameter '{name}' is defined by the rulebook as well as by the rule");
            }
        }
    }

    private static void CheckParameters(string path, IReadOnlyList<ParameterDefinition> parameters, Action<string, string> problem)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var at = $"{path}[{i}]";
            if (!ParameterNamePattern().IsMatch(parameter.Name ?? string.Empty))
            {
                problem($"{at}.name", $"'{parameter.Name}' is not a parameter name (PascalCase, e.g. CaseGraceDays)");
            }

            if (!ParameterDefinition.Units.Contains(parameter.Unit))
            {
                problem($"{at}.unit", $"'{parameter.Unit}' is not one of {string.Join(", ", ParameterDefinition.Units)}");
                continue;
            }

            if (parameter.Min > parameter.Max)
            {
                problem($"{at}.min", "min is more than max");
            }

            if (ParameterUnits.Read(parameter, parameter.Default, out var error) is null)
            {
                problem($"{at}.default", error!);
            }

            CheckText($"{at}.summary", parameter.Summary, problem);
        }

        foreach (var twice in parameters.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            problem(path, $"parameter '{twice.Key}' is defined twice");
        }
    }

    private static void CheckAll(string path, IReadOnlyList<string>? values, string[] known, Action<string, string> problem)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (!known.Contains(values![i]))
            {
                problem($"{path}[{i}]", $"'{values[i]}' is not one of {string.Join(", ", known)}");
            }
        }
    }

    private static void CheckText(string path, LocalizedText? text, Action<string, string> problem)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Zh) || string.IsNullOrWhiteSpace(text.En))
        {
            problem(path, "the text is needed in Chinese (zh-CN) and English (en)");
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

    private static MineralList Missing(List<RulebookProblem> problems, string directory)
    {
        problems.Add(new RulebookProblem(Path.Combine(directory, MineralFile), "$", "the mineral list is missing"));
        return new MineralList([]);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2,6}-[A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProvisionPattern();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterNamePattern();

    private sealed record Entry(LoadedRulebook Book, PolicyRule Rule);

    private sealed record MineralFileContent
    {
        public required IReadOnlyList<Mineral> Minerals { get; init; }
    }
}
