using System.Globalization;
using MiningRights.Renewals;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Licensing;

/// <summary>
/// <c>"guard": "serviceLifeWithinCap"</c>: a plan whose service life exceeds its scale's cap (CN-SCALE, a parameter)
/// is refused when it is submitted, under the rule the workflow applies, rather than failing later at re-issue.
/// Reads the signal's inputs <c>scale</c> and <c>serviceLifeYears</c>.
/// </summary>
public sealed class ServiceLifeWithinCapGuard : ITransitionGuard
{
    public string Name => "serviceLifeWithinCap";

    public Task<RefusalException?> CheckAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var scale = context.Values.Get("scale");
        var years = context.Values.Get("serviceLifeYears");
        if (scale is null || years is null)
        {
            return Task.FromResult<RefusalException?>(RefusalException.Invalid("scale", "The mine scale and the service life are required.", "必须填写矿山规模和服务年限。"));
        }

        var definition = context.Definition.Definition;
        return Task.FromResult(ServiceLifeCap.Refusal(context.Parameters, Enum.Parse<MineScale>(scale, ignoreCase: true),
            int.Parse(years, CultureInfo.InvariantCulture), context.Cite(definition.AppliesTo?.Rule ?? definition.Rules[0]).RuleId));
    }
}
