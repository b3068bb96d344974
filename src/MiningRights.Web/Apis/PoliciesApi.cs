using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MiningRights.Policies;

namespace MiningRights.Web.Apis;

public static class PoliciesApi
{
    public static void MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Policies").RequireAuthorization();
        group.MapGet("/", List).WithSummary("The policy catalogue: every rule the service applies, with its province, source and window in force.");
        group.MapGet("/parameters/{province}", Parameters)
            .WithSummary("The parameters in force for a province (six-digit code): the policy brief's defaults as replaced by configuration.");
    }

    public static Ok<IReadOnlyCollection<PolicyRule>> List() => TypedResults.Ok(PolicyCatalog.All);

    public static Ok<ProvinceParameters> Parameters(string province, IOptions<ParameterOptions> options) =>
        province.Length == 6 && province.All(char.IsAsciiDigit)
            ? TypedResults.Ok(options.Value.For(province))
            : throw RefusalException.Invalid("province", "A province is a six-digit administrative division code such as 620000.", "省份应为六位行政区划代码，例如 620000。");
}
