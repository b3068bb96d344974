using MiningRights.Policies;

namespace MiningRights.Workflows;

/// <summary>The rules a definition cites: each one known to the rulebooks, listed, and citable where and when the definition runs.</summary>
internal sealed class RuleCitationChecker(PolicyBook book)
{
    /// <summary>The definition's own <c>$.rules</c> and the rule that lets it start (<c>$.appliesTo</c>).</summary>
    public void CheckListed(WorkflowDefinition d, Action<string, string> problem, bool snapshot)
    {
        // An act cites at least one rule: one named by ID, or the rule that let the process start (appliesTo) and so fills its provisions.
        if (!d.Rules.Any(RulebookLoader.IsRuleId) && d.AppliesTo is null)
        {
            problem("$.rules", "a definition must name at least one rule ID (a national rule, or one of its own province), so that every act on it cites a rule");
        }

        for (var i = 0; i < d.Rules.Count; i++)
        {
            Check($"$.rules[{i}]", d.Rules[i], d, problem, mustBeListed: false);
            if (!snapshot)
            {
                CheckTerritory($"$.rules[{i}]", d.Rules[i], d, problem);
            }
        }

        if (d.AppliesTo is { } applies)
        {
            Check("$.appliesTo.rule", applies.Rule, d, problem);
        }
    }

    /// <summary>A rule ID or a provision some rule fills; with <paramref name="mustBeListed"/>, one of the definition's <c>$.rules</c>.</summary>
    public void Check(string path, string rule, WorkflowDefinition d, Action<string, string> problem, bool mustBeListed = true)
    {
        if (RulebookLoader.IsRuleId(rule) ? !book.Knows(rule) : !book.IsProvided(rule))
        {
            problem(path, RulebookLoader.IsRuleId(rule)
                ? $"'{rule}' is not a rule ID of the rulebooks"
                : $"'{rule}' is neither a rule ID nor a provision that a rule of the rulebooks fills");
        }
        else if (mustBeListed && !d.Rules.Contains(rule))
        {
            problem(path, $"rule '{rule}' is not listed in $.rules");
        }
    }

    /// <summary>
    /// A definition may name directly only rules it can cite wherever and whenever it runs: in every province (100000) a
    /// national rule; in one province a national rule or one of that province's in force over the definition's whole
    /// window. A provincial addition to a national process is named by its provision, which the rule in force fills.
    /// </summary>
    private void CheckTerritory(string path, string rule, WorkflowDefinition d, Action<string, string> problem)
    {
        if (!RulebookLoader.IsRuleId(rule) || !book.Knows(rule))
        {
            return;
        }

        var versions = book.Versions(rule);
        var issuer = versions[0].Issuer;
        if (issuer == PolicyBook.National)
        {
            return;
        }

        var provides = versions.SelectMany(v => v.Provides).Distinct().ToList();
        var instead = provides.Count > 0 ? $"name the provision it fills ({string.Join(", ", provides)}) instead" : "it fills no provision a national process could name";
        if (d.Province == PolicyBook.National)
        {
            problem(path, $"the definition runs in every province (province 100000) and may not cite {rule}, a rule of province {issuer}: {instead}");
        }
        else if (issuer != d.Province)
        {
            problem(path, $"the definition runs in province {d.Province} and may not cite {rule}, a rule of province {issuer}");
        }
        else if (d.ValidFrom < versions.Min(v => v.InForceFrom) || d.ValidUntil > versions.Max(v => v.InForceUntil))
        {
            problem(path, $"{rule} is in force {string.Join("; ", versions.Select(v => $"{v.InForceFrom:yyyy-MM-dd} to {v.InForceUntil:yyyy-MM-dd}"))}, but the definition runs {d.ValidFrom:yyyy-MM-dd} to {d.ValidUntil:yyyy-MM-dd}: it could cite the rule outside its window");
        }
    }
}
