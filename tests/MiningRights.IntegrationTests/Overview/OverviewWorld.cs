using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Overview;

/// <summary>
/// A small register to count, written straight into the service's database so that each figure's expected value is
/// known row by row (<see cref="SeedAsync"/>, which the browser test writes too). Today is 2026-03-10. In Gansu: four rights (two in 肃北 of 酒泉, one in 城关 of 兰州, one withdrawn in
/// 肃州 of 酒泉), their duties (open, expired, met, the authority's own timer) and cases in three stages, one of them
/// closed; in Zhejiang one right with an overdue duty and a case, which no Gansu officer may count.
/// </summary>
public sealed class OverviewWorld : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 3, 10);

    public ServiceFactory Factory { get; } = new(TestClock.Shanghai(2026, 3, 10, 10));

    public Api Api => new(Factory);

    public Guid HolderId { get; } = Guid.NewGuid();

    public async Task InitializeAsync() => await SeedAsync(Factory.Services, Today, HolderId);

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>Writes the register, as of <paramref name="today"/>, with its one holder <paramref name="holderId"/>.</summary>
    public static async Task SeedAsync(IServiceProvider services, DateOnly today, Guid holderId)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        db.Holders.Add(new Holder
        {
            Id = holderId, CreditCode = UnifiedSocialCreditCode.WithCheckCharacter("91620100777777777"), NameZh = "概览测试矿业有限公司",
            NameEn = "Overview Test Mining Co., Ltd.", Language = "en", ContactEmails = "overview@holders.test",
        });

        // 肃北: an exploration right and a mining right in force, both expiring on 9 May (within the renewal window);
        // the mining right's holder has applied for renewal, the exploration right's has not.
        var subeiExploration = Right(RightKind.Exploration, RightStatus.Active, "620923", today.AddDays(60));
        var subeiMining = Right(RightKind.Mining, RightStatus.Active, "620923", today.AddDays(60));
        var chengguan = Right(RightKind.Mining, RightStatus.Suspended, "620102", today.AddDays(400));
        var suzhou = Right(RightKind.Exploration, RightStatus.Withdrawn, "620902", today.AddDays(-30));
        var zhejiang = Right(RightKind.Mining, RightStatus.Active, "330106", today.AddDays(60));
        db.Rights.AddRange(subeiExploration, subeiMining, chengguan, suzhou, zhejiang);

        var plan = Instance(subeiExploration, "exploration-plan-deferral", "awaitingPlan");
        var applied = Instance(subeiMining, "renewal", "applied");
        var settled = Instance(chengguan, "exploration-work", "overdue");
        var running = Instance(chengguan, "mine-construction-obligation", "overdue");
        var finished = Instance(suzhou, "exploration-work", "breached", finishedAlready: true);
        var elsewhere = Instance(zhejiang, "exploration-work", "overdue");
        db.WorkflowInstances.AddRange(plan, applied, settled, running, finished, elsewhere);

        const string planDue = "提交勘查实施方案";
        const string report = "提交年度勘查报告";
        db.Deadlines.AddRange(
            Deadline(plan, DeadlineState.Expired, today.AddDays(-20), report, "Annual exploration report"), // overdue in 肃北
            Deadline(plan, DeadlineState.Open, today.AddDays(10), planDue, "Submit the exploration plan"), // due within 30 days
            Deadline(running, DeadlineState.Open, today.AddDays(60), planDue, "Submit the exploration plan"), // due within 90 days
            Deadline(running, DeadlineState.Expired, today.AddDays(-40), report, "Annual exploration report"), // overdue in 城关
            Deadline(running, DeadlineState.Open, today.AddDays(5), "登记机关决定", "The authority decides", escalation: true), // the authority's timer
            Deadline(running, DeadlineState.Open, today.AddDays(100), planDue, "Submit the exploration plan"), // beyond 90 days
            Deadline(running, DeadlineState.Met, today.AddDays(-3), report, "Annual exploration report"), // met in time
            Deadline(settled, DeadlineState.Expired, today.AddDays(-60), report, "Annual exploration report"), // its case is closed
            Deadline(finished, DeadlineState.Expired, today.AddDays(-90), report, "Annual exploration report"), // its process has ended
            Deadline(elsewhere, DeadlineState.Expired, today.AddDays(-10), report, "Annual exploration report")); // Zhejiang's

        db.Cases.AddRange(
            Case(settled, chengguan, CaseStatus.Closed),
            Case(running, chengguan, CaseStatus.Open),
            Case(plan, subeiExploration, CaseStatus.Rectifying),
            Case(elsewhere, zhejiang, CaseStatus.Open));
        await db.SaveChangesAsync();

        MiningRight Right(RightKind kind, RightStatus status, string county, DateOnly expiresOn) => NewRight(holderId, kind, status, county, expiresOn);
    }

    private static MiningRight NewRight(Guid holderId, RightKind kind, RightStatus status, string county, DateOnly expiresOn) => new()
    {
        LicenseNumber = Api.NewLicenseNumber(kind == RightKind.Exploration ? "T" : "C"),
        Kind = kind,
        HolderId = holderId,
        ProjectName = "概览测试项目",
        Minerals = "金",
        LocationCountyCode = county,
        AuthorityCode = county[..2] + "0000",
        TransferMode = TransferMode.Listing,
        RegisteredOn = expiresOn.AddYears(-5),
        IssuedOn = expiresOn.AddYears(-5),
        ExpiresOn = expiresOn,
        Status = status,
    };

    private static WorkflowInstance Instance(MiningRight right, string definition, string state, bool finishedAlready = false) => new()
    {
        DefinitionId = definition,
        DefinitionVersion = 1,
        DefinitionHash = "overview-test",
        State = state,
        Finished = finishedAlready,
        SubjectKind = RightSubjectKind.Kind,
        SubjectId = right.Id,
        SubjectLabel = right.LicenseNumber,
        DossierId = right.Id,
        HolderId = right.HolderId,
        JurisdictionCode = right.LocationCountyCode,
        AuthorityCode = right.AuthorityCode,
    };

    private static Deadline Deadline(WorkflowInstance instance, DeadlineState state, DateOnly dueOn, string whatZh, string whatEn, bool escalation = false) => new()
    {
        InstanceId = instance.Id,
        HolderId = instance.HolderId,
        Name = "duty",
        RuleId = "GS-9d",
        WhatZh = whatZh,
        WhatEn = whatEn,
        DueOn = dueOn,
        State = state,
        Escalation = escalation,

        // As the workflow runtime writes them: the instance's place and authority, and whether its process has ended.
        JurisdictionCode = instance.JurisdictionCode,
        AuthorityCode = instance.AuthorityCode,
        ProcessFinishedAtUtc = instance.Finished ? new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc) : null,
    };

    private static Case Case(WorkflowInstance instance, MiningRight right, CaseStatus status) => new()
    {
        Key = $"{instance.Id}:overview",
        RightId = right.Id,
        HolderId = right.HolderId,
        InstanceId = instance.Id,
        JurisdictionCode = right.LocationCountyCode,
        AuthorityCode = right.AuthorityCode,
        RuleId = "GS-9d",
        TitleZh = "逾期未履行",
        TitleEn = "Overdue",
        Status = status,
    };
}
