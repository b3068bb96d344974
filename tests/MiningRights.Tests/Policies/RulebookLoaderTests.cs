using System.Text.Json.Nodes;
using MiningRights.Policies;

namespace MiningRights.Tests.Policies;

/// <summary>A rulebook file with an error is refused naming the file, the JSON path and the reason, and nothing of it is used.</summary>
public sealed class RulebookLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("miningrights-rulebooks-").FullName;

    public RulebookLoaderTests()
    {
        foreach (var file in Directory.GetFiles(new RulebookOptions().ResolveDirectory(), "*.json"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    [Fact]
    public void The_products_rulebooks_load_with_their_hashes()
    {
        var (rulebooks, minerals) = RulebookLoader.LoadDirectory(_folder);

        Assert.Equal(["gansu-2024", "national", "zhejiang-2023"], rulebooks.Select(r => r.Rulebook.Id).Order(StringComparer.Ordinal));
        Assert.All(rulebooks, r => Assert.Matches("^[0-9a-f]{64}$", r.ContentHash));
        Assert.NotNull(minerals.Find("晶质石墨"));
    }

    [Fact]
    public void A_rule_window_outside_its_rulebook_is_refused_with_file_and_path()
    {
        Edit("gansu-2024.json", book => book["rules"]![5]!["validUntil"] = "2026-12-31");

        var error = Assert.Throws<RulebookException>(() => RulebookLoader.LoadDirectory(_folder));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("gansu-2024.json", problem.File);
        Assert.Equal("$.rules[5].validFrom", problem.Path);
        Assert.Contains("not inside the rulebook's", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_refused_with_its_line()
    {
        File.WriteAllText(Path.Combine(_folder, "zhejiang-2023.json"), "{ \"id\": \"zhejiang-2023\", ");

        var error = Assert.Throws<RulebookException>(() => RulebookLoader.LoadDirectory(_folder));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("zhejiang-2023.json", problem.File);
        Assert.Contains("line", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unit", "\"weeks\"", "$.rules[0].parameters[0].unit", "is not one of days")]
    [InlineData("default", "\"thirty\"", "$.rules[0].parameters[0].default", "the value is a number")]
    [InlineData("max", "10", "$.rules[0].parameters[0].min", "min is more than max")]
    public void A_bad_parameter_is_refused_naming_it(string field, string value, string path, string reason)
    {
        Edit("national.json", book => book["rules"]![0]!["parameters"]![0]![field] = JsonNode.Parse(value));

        var error = Assert.Throws<RulebookException>(() => RulebookLoader.LoadDirectory(_folder));

        Assert.All(error.Problems, p => Assert.Equal("national.json", p.File));
        Assert.Contains(error.Problems, p => p.Path == path && p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_mineral_the_list_does_not_know_is_refused()
    {
        Edit("gansu-2024.json", book => book["rules"]![0]!["appliesTo"]!["minerals"]![0] = "unobtainium");

        var problem = Assert.Single(Assert.Throws<RulebookException>(() => RulebookLoader.LoadDirectory(_folder)).Problems);

        Assert.Equal("$.rules[0].appliesTo.minerals[0]", problem.Path);
    }

    [Fact]
    public void A_second_rulebook_putting_a_rule_in_force_twice_or_filling_a_provision_twice_is_refused()
    {
        var renewed = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "gansu-2024.json")))!;
        renewed["id"] = "gansu-overlap";
        renewed["validFrom"] = "2025-06-01";
        renewed["validUntil"] = "2026-12-31";
        File.WriteAllText(Path.Combine(_folder, "gansu-overlap.json"), renewed.ToJsonString());

        var error = Assert.Throws<RulebookException>(() => RulebookLoader.LoadDirectory(_folder));

        Assert.Contains(error.Problems, p => p.File == "gansu-overlap.json" && p.Reason.Contains("rule 'GS-9d' is in force twice from 2025-06-01", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Reason.Contains("'planDeferral' is provided by GS-9d and GS-9d", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Edit(string file, Action<JsonNode> change)
    {
        var path = Path.Combine(_folder, file);
        var book = JsonNode.Parse(File.ReadAllText(path))!;
        change(book);
        File.WriteAllText(path, book.ToJsonString());
    }
}
