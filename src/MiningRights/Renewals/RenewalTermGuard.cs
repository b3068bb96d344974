using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Renewals;

/// <summary>
/// <c>"guard": "renewalTermWithinLaw"</c>: the term a holder asks for (<c>termYears</c>) is refused under CN-TERM when
/// the law in force on the day of the application does not allow it, or when the right has had all the renewals that
/// law allows, so the refusal comes with the application, not with the decision.
/// </summary>
public sealed class RenewalTermGuard : ITransitionGuard
{
    public string Name => "renewalTermWithinLaw";

    public async Task<RefusalException?> CheckAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (context.Values.Get(RenewalTracking.TermYears) is not { } text)
        {
            return RefusalException.Invalid(RenewalTracking.TermYears, "The term asked for is required, in whole years.", "必须填写申请的期限，以整年计。");
        }

        var years = int.Parse(text, CultureInfo.InvariantCulture);
        var right = await context.RightAsync(cancellationToken);
        var limit = TermLaw.For(right, context.Today, context.ParametersOn(context.Today));
        if (years > limit.MaxYears)
        {
            return RefusalException.ByRule("CN-TERM",
                $"A renewal of {years} years is longer than the law in force on {context.Today:yyyy-MM-dd} allows for {right.LicenseNumber}: {limit.Law}.",
                RenewalTracking.TermYears,
                detailZh: $"申请延续期限超过法定上限：申请延续 {years} 年，超过 {context.Today:yyyy-MM-dd} 施行的法律对 {right.LicenseNumber} 允许的期限：{limit.LawZh}。");
        }

        if (limit.MaxRenewals is { } most)
        {
            var granted = await context.Db.WorkflowInstances.CountAsync(i => i.SubjectKind == RightSubjectKind.Kind && i.SubjectId == right.Id
                && i.DefinitionId == RenewalTracking.Workflow && i.State == RenewalTracking.GrantedState, cancellationToken);
            if (granted >= most)
            {
                return RefusalException.ByRule("CN-TERM",
                    $"{right.LicenseNumber} has been renewed {granted} times; {limit.Law}.", RenewalTracking.TermYears,
                    detailZh: $"延续次数已达法定上限：{right.LicenseNumber} 已延续 {granted} 次；{limit.LawZh}。");
            }
        }

        return null;
    }
}
