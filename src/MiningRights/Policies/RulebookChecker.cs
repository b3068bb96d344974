using System.Text.RegularExpressions;

namespace MiningRights.Policies;

/// <summary>One rulebook on its own: its issuer, its window, and each rule's document, texts, provisions, scope and parameters.</summary>
internal static partial class RulebookChecker
{
    private static readonly string[] KnownKinds = ["exploration", "mining"];
    private static readonly string[] KnownTransferModes = ["tender", "auction", "listing", "agreement"];
    private static readonly string[] KnownStages = ["registration"];
    private static readonly string[] KnownOutcomes = ["public", "agreement"];

    public static void Check(Rulebook book, MineralList minerals, Action<string, string> problem)
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
            if (!RulebookLoader.IsRuleId(rule.Id ?? string.Empty))
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

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProvisionPattern();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterNamePattern();
}
