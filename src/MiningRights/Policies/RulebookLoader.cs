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
    public static void CheckTogether(IReadOnlyList<LoadedRulebook> rulebooks, List<RulebookProblem> problems) =>
        RulebookClashes.Check(rulebooks, problems);

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
        RulebookChecker.Check(book, minerals, Problem);
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

    private static MineralList Missing(List<RulebookProblem> problems, string directory)
    {
        problems.Add(new RulebookProblem(Path.Combine(directory, MineralFile), "$", "the mineral list is missing"));
        return new MineralList([]);
    }

    [GeneratedRegex("^[A-Z]{2,6}-[A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();

    private sealed record MineralFileContent
    {
        public required IReadOnlyList<Mineral> Minerals { get; init; }
    }
}
