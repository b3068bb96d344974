using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Listing;
using MiningRights.Rights;
using MiningRights.Storage;

namespace MiningRights.Web.Demo;

/// <summary>
/// Demo data for a first look: two holders, one account per role, rights in several states and the transfer block pool. It goes through
/// the same use cases as the API, so it obeys the same rules. Seeded once; the password is kept in the data folder
/// and printed at each start in Development only.
/// </summary>
public static class DemoData
{
    /// <summary>The actor the demo's registrations are recorded under.</summary>
    public const string SeedActor = "demo-seed";

    public const string AuthorityUser = "authority";
    public const string InspectorUser = "inspector";
    public const string HolderUser = "holder";
    public const string AdminUser = "admin";

    public static async Task SeedAsync(IServiceProvider services, StorageOptions storage, bool printPassword, ILogger logger)
    {
        var passwordFile = Path.Combine(storage.FullDataDirectory, "demo-password.txt");
        var db = services.GetRequiredService<MiningRightsDbContext>();
        if (!await db.Holders.AnyAsync())
        {
            var password = "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
            await SeedRightsAsync(services, password);
            await File.WriteAllTextAsync(passwordFile, password);
            logger.LogInformation("Demo data seeded");
        }

        if (printPassword && File.Exists(passwordFile))
        {
            var password = (await File.ReadAllTextAsync(passwordFile)).Trim();
            Console.WriteLine($"Demo accounts ({AuthorityUser}, {InspectorUser}, {HolderUser}, {AdminUser}) password: {password}");
        }
    }

    private static async Task SeedRightsAsync(IServiceProvider services, string password)
    {
        var admin = new Actor(SeedActor, [Roles.Admin]) { Id = "demo" };
        var holders = services.GetRequiredService<RegisterHolder>();
        var jinxin = await holders.HandleAsync(new RegisterHolder.Request(
            UnifiedSocialCreditCode.WithCheckCharacter("91620100MA71XK3Q0"), "甘肃金鑫矿业有限公司", "Gansu Jinxin Mining Co., Ltd.", "zh-CN", ["notices@jinxin.example"]), admin, default);
        var northwest = await holders.HandleAsync(new RegisterHolder.Request(
            UnifiedSocialCreditCode.WithCheckCharacter("91620900MA72PL8R1"), "西北铜业勘查有限公司", "Northwest Copper Exploration Ltd.", "en", ["compliance@nwcopper.example"]), admin, default);

        var accounts = services.GetRequiredService<CreateAccount>();
        await accounts.HandleAsync(new CreateAccount.Request(AuthorityUser, password, Roles.Authority, "authority@dnr.gansu.example", "甘肃省自然资源厅 登记处", "zh-CN", null, "620000"), default);
        await accounts.HandleAsync(new CreateAccount.Request(InspectorUser, password, Roles.Inspector, "inspector@dnr.gansu.example", "甘肃省 执法监察", "zh-CN", null, "620000"), default);
        await accounts.HandleAsync(new CreateAccount.Request(HolderUser, password, Roles.Holder, "notices@jinxin.example", "甘肃金鑫矿业", "zh-CN", jinxin.Id, null), default);
        await accounts.HandleAsync(new CreateAccount.Request(AdminUser, password, Roles.Admin, "admin@dnr.gansu.example", "Administrator", "en", null, null), default);

        var register = services.GetRequiredService<RegisterRight>();
        var today = Time.ProvinceCalendar.China.DateAt(services.GetRequiredService<TimeProvider>().GetUtcNow());

        // Registered late in the window: the plan falls due within the coming months.
        var recent = new DateOnly(2025, 12, 20) <= today ? new DateOnly(2025, 12, 20) : today;
        await register.HandleAsync(Exploration("T62000020250100001", jinxin.Id, "肃北县马鬃山金矿普查", "金", "620923", recent, "exploration-plan-deferral"), admin, default);

        // Registered early in the window: by now the plan is overdue and, after the grace, a case.
        await register.HandleAsync(Exploration("T62000020240600002", northwest.Id, "金川区铜镍矿详查", "铜,镍", "620302", new DateOnly(2024, 6, 18), "exploration-plan-deferral"), admin, default);

        // An ordinary right by agreement: no deferral, verification and disclosure apply (GS-9a).
        await register.HandleAsync(Exploration("T62000020250300003", jinxin.Id, "会宁县钨矿普查", "钨", "620422", new DateOnly(2025, 3, 2), null) with
        {
            TransferMode = TransferMode.Agreement,
            BlankArea = false,
        }, admin, default);

        await SeedMiningAsync(register, jinxin.Id, admin);
        await SeedListingAsync(services, admin, today);
    }

    /// <summary>The transfer block pool: a plan for this year, a block in the pool and one announced for listing (public).</summary>
    private static async Task SeedListingAsync(IServiceProvider services, Actor admin, DateOnly today)
    {
        await services.GetRequiredService<CreateTransferPlan>().HandleAsync(new CreateTransferPlan.Request("620900", today.Year, 5), admin, default);
        var add = services.GetRequiredService<AddBlock>();
        await add.HandleAsync(new AddBlock.Request("肃州区石灰岩矿区块", ["石灰岩"], "620902", "620900", RightKind.Mining, false,
            Square(98.40, 39.60, 0.03), false, Rights.MineScale.Small, false, CombinedSupply.None), admin, default);
        var gold = await add.HandleAsync(new AddBlock.Request("肃北县红石山金矿勘查区块", ["金"], "620923", "620000", RightKind.Exploration, true,
            Square(96.10, 41.80, 0.08), false, null, false, CombinedSupply.None), admin, default);
        await services.GetRequiredService<PlanBlock>().HandleAsync(gold.Id, new PlanBlock.Request(today.Year), admin, default);
        await services.GetRequiredService<AnnounceListing>().HandleAsync(gold.Id, new AnnounceListing.Request(TransferMode.Listing, 3_200_000m), admin, default);
    }

    private static double[][] Square(double lon, double lat, double size) =>
        [[lon, lat], [Math.Round(lon + size, 6), lat], [Math.Round(lon + size, 6), Math.Round(lat + size, 6)], [lon, Math.Round(lat + size, 6)], [lon, lat]];

    private static async Task SeedMiningAsync(RegisterRight register, Guid holder, Actor admin)
    {
        // A provisional two-year mining licence (GS-9e) still waiting for its development and restoration plan.
        await register.HandleAsync(new RegisterRight.Request("C62000020250700004", RightKind.Mining, holder, "永昌县铜矿", ["铜"], 3.2m, "620321", "620000",
            TransferMode.Auction, false, new DateOnly(2025, 7, 15), null, "provisional-mining-license"), admin, default);
    }

    /// <summary>An exploration right for the longest first term the law allowed on its registration date (CN-TERM: 3 years until 2025-06-30, 5 from 2025-07-01).</summary>
    private static RegisterRight.Request Exploration(string number, Guid holder, string project, string minerals, string county, DateOnly registered, string? deferral) =>
        new(number, RightKind.Exploration, holder, project, minerals.Split(','), 12.5m, county, "620000", TransferMode.Listing, true,
            registered, registered.AddYears(registered < new DateOnly(2025, 7, 1) ? 3 : 5), deferral);
}
