using Microsoft.Extensions.DependencyInjection;
using MiningRights.Ground;
using MiningRights.Workflows;

namespace MiningRights.Listing;

public static class ListingServiceCollectionExtensions
{
    /// <summary>Public transfer: the block subject, its activities and guard, the pool, plans, listings, agreements, registration and reads.</summary>
    public static IServiceCollection AddListing(this IServiceCollection services)
    {
        services.AddOptions<ListingOptions>().BindConfiguration(ListingOptions.Section)
            .Validate(o => o.MaxCorners is >= 3 and <= BlockPolygon.MostCorners, $"Listing:MaxCorners must be from 3 to {BlockPolygon.MostCorners}.")
            .ValidateOnStart();
        return services
            .AddSingleton<BlockSubjectKind>()
            .AddSingleton<PoolMapCache>()
            .AddSingleton<ISubjectKind>(sp => sp.GetRequiredService<BlockSubjectKind>())
            .AddWorkflowActivity<PublishAnnouncementActivity>()
            .AddWorkflowActivity<ReturnBlockToPoolActivity>()
            .AddTransitionGuard<ObjectionsDecidedGuard>()
            .AddScoped<BlockAccess>()
            .AddScoped<GroundCheck>()
            .AddScoped<Ground.IGroundRegister>(sp => sp.GetRequiredService<GroundCheck>())
            .AddScoped<AddBlock>()
            .AddScoped<CreateTransferPlan>()
            .AddScoped<PlanBlock>()
            .AddScoped<AnnounceListing>()
            .AddScoped<RecordTransaction>()
            .AddScoped<StartAgreementTransfer>()
            .AddScoped<RecordObjection>()
            .AddScoped<DecideObjection>()
            .AddScoped<ListingQueries>()
            .AddScoped<ListingChoices>()
            .AddWorkflowContract(new WorkflowContract("Listing", AnnounceListing.Workflow)
            {
                Subject = BlockSubjectKind.Kind,
                Signals = [RecordTransaction.Signal],
            })
            .AddWorkflowContract(new WorkflowContract("Listing", StartAgreementTransfer.Workflow)
            {
                Subject = BlockSubjectKind.Kind,
                Deadlines = [RecordObjection.DisclosureEnd],
                Dates = [RecordObjection.DisclosureStart],
            });
    }
}
