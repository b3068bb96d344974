using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Policies;
using MiningRights.Web.ApiDocumentation;

namespace MiningRights.Web.Apis;

public static class PoliciesApi
{
    public static void MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Policies").RequireAuthorization();
        group.MapGet("/", List)
            .WithSummary("The rules in force in a province on a day (province, on=yyyy-MM-dd), with the parameters' values there and then; without them, every rule of every rulebook.");
        group.MapPost("/rulebooks", Add).OfferedOn("/policies/add").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Adds a rulebook (a renewed or successor policy) as a JSON file; checked beside those in force before it takes effect.");
    }

    public static Ok<PolicyListing> List(string? province, string? on, PolicyQueries queries) => TypedResults.Ok(queries.List(province, on));

    public static async Task<Created<RulebookView>> Add(HttpContext context, AddRulebook add, CancellationToken ct)
    {
        var (name, json) = await ReadFileAsync(context.Request, ct);
        var added = await add.HandleAsync(new AddRulebook.Request(name, json), context.Current(), ct);
        return TypedResults.Created($"/api/policies?province={added.Rulebook.Issuer}", RulebookView.Of(added));
    }

    /// <summary>The rulebook as a multipart file (<c>file</c>) or as the JSON body itself (its name then from <c>?name=</c>).</summary>
    private static async Task<(string Name, string Json)> ReadFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file")
                ?? throw RefusalException.Invalid("file", "Send the rulebook as the form file 'file'.", "请以表单文件“file”提交规则集。");
            if (file.Length > AddRulebook.MaxBytes)
            {
                throw RefusalException.Invalid("file", $"A rulebook is at most {AddRulebook.MaxBytes / 1024} KB.", $"规则集不超过 {AddRulebook.MaxBytes / 1024} KB。");
            }

            using var reader = new StreamReader(file.OpenReadStream());
            return (file.FileName, await reader.ReadToEndAsync(ct));
        }

        using var body = new StreamReader(request.Body);
        var buffer = new char[AddRulebook.MaxBytes + 1];
        var read = await body.ReadBlockAsync(buffer, ct);
        return (request.Query["name"].FirstOrDefault() ?? "rulebook.json", new string(buffer, 0, read));
    }
}
