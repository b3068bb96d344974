using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Contracts;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.IntegrationTests.Contracts;

/// <summary>
/// The whole ladder of a missed contract milestone (GS-10a, GS-10b, GS-10d): reminders, the overdue notice, the breach
/// and its case, findings, a rectification order with its deadline, the order missed, withdrawal (收回) and the right's
/// status; every notice once, and nothing more judged on a right withdrawn. The case shows the obligation, its clause and
/// every report on it.
/// </summary>
public sealed class BreachLadderTests
{
    [Fact]
    public async Task A_missed_results_report_goes_from_reminder_to_withdrawal_with_every_notice_once()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000", authorityEmail: $"authority-{Guid.NewGuid():N}@example.cn");
        var inspector = await world.Api.AccountAsync("Inspector", "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23",
            new { number = "第十条", kind = "resultsReport", textZh = "提交阶段成果报告", textEn = "Submit the interim results report", dueOn = "2025-06-01" });
        var rightId = right["id"]!.GetValue<string>();
        var duty = (await Api.ReadAsync(await holder.Client.GetAsync($"/api/obligations?rightId={rightId}"), HttpStatusCode.OK))["items"]!.AsArray()
            .Select(o => o!.AsObject()).Single(o => o["clause"]!.GetValue<string>() == "第十条");
        var dutyId = duty["instanceId"]!.GetValue<string>();

        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 4, 2, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 5, 2, 10));

        // The holder reports; the authority rejects it: a rejected report counts for nothing, the duty is open again.
        factory.Clock.Set(TestClock.Shanghai(2025, 5, 20, 10));
        await Send(holder.Client, dutyId, "report", new() { ["submittedOn"] = "2025-05-20", ["workDone"] = "提交了报告提纲" });
        await Send(world.Authority, dutyId, "reject", new() { ["reasons"] = "仅有提纲，不是成果报告" });
        await factory.DeliverAsync();
        var rejected = (await MailDev.ForAsync(holder.Email)).Single(m => m.Subject.StartsWith("【未接受】", StringComparison.Ordinal));
        Assert.Contains("仅有提纲，不是成果报告", rejected.Text!, StringComparison.Ordinal);

        // Reminders on the way, the overdue notice the day after the date, the breach the day after that.
        foreach (var day in new[] { new DateTime(2025, 5, 25), new DateTime(2025, 5, 31) })
        {
            await factory.RunJobsAtAsync(TestClock.Shanghai(day.Year, day.Month, day.Day, 10));
        }

        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 6, 2, 1));
        Assert.Equal(1, await EvaluateAsync(factory));
        Assert.Equal(0, await EvaluateAsync(factory));
        var queued = await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK);
        var caseId = Assert.Single(queued["items"]!.AsArray())!["id"]!.GetValue<string>();

        // The case shows the obligation with its clause, and both reports and the decision on them, with what they carried.
        var detail = await Api.ReadAsync(await inspector.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK);
        var source = detail["source"]!.AsObject();
        Assert.Equal(dutyId, source["id"]!.GetValue<string>());
        Assert.Equal("第十条", source["values"]!["clause"]!.GetValue<string>());
        var journal = source["journal"]!.AsArray().Select(j => j!.AsObject()).ToList();
        Assert.Contains(journal, j => j["trigger"]!.GetValue<string>() == "signal:report" && j["note"]!.GetValue<string>().Contains("提交了报告提纲", StringComparison.Ordinal));
        Assert.Contains(journal, j => j["trigger"]!.GetValue<string>() == "signal:reject" && j["note"]!.GetValue<string>().Contains("仅有提纲", StringComparison.Ordinal));
        Assert.Contains(journal, j => j["trigger"]!.GetValue<string>() == "signal:breach" && j["ruleId"]!.GetValue<string>() == "GS-10b");
        var process = detail["process"]!["id"]!.GetValue<string>();

        // The holder reads its own case and what the case asks of it; another holder sees none; the export is the inspectors'.
        var own = await Api.ReadAsync(await holder.Client.GetAsync("/api/cases"), HttpStatusCode.OK);
        Assert.Equal(caseId, Assert.Single(own["items"]!.AsArray())!["id"]!.GetValue<string>());
        var stranger = await world.Api.HolderAsync();
        Assert.Empty((await Api.ReadAsync(await stranger.Client.GetAsync("/api/cases"), HttpStatusCode.OK))["items"]!.AsArray());
        await ProblemAssert.ReadAsync(await stranger.Client.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.NotFound);
        await ProblemAssert.ReadDenialAsync(await holder.Client.GetAsync("/api/cases/export.csv"), HttpStatusCode.Forbidden);
        Assert.Equal("breached", (await Api.ReadAsync(await holder.Client.GetAsync($"/api/obligations?rightId={rightId}"), HttpStatusCode.OK))["items"]!.AsArray()
            .Single(o => o!["instanceId"]!.GetValue<string>() == dutyId)!["state"]!.GetValue<string>());

        // Findings by the inspector, the authority's rectification order to 30 June, missed: the case is overdue; the authority withdraws the right.
        factory.Clock.Set(TestClock.Shanghai(2025, 6, 5, 10));
        await Send(inspector, process, "recordFindings", new() { ["findings"] = "现场核查：未开展成果报告编制" });
        await Send(world.Authority, process, "orderRectification", Formal.With(factory.Clock, new() { ["rectifyBy"] = "2025-06-30", ["order"] = "2025年6月30日前提交成果报告" }).ToDictionary(v => v.Key, v => (object)v.Value));
        var asked = await Api.ReadAsync(await holder.Client.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK);
        Assert.Contains("reportRectified", asked["process"]!["signals"]!.AsArray().Select(x => x!.GetValue<string>()));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 6, 29, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 1, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 1, 12));
        factory.Clock.Set(TestClock.Shanghai(2025, 7, 3, 10));
        await Send(world.Authority, process, "withdraw", Formal.With(factory.Clock).ToDictionary(v => v.Key, v => (object)v.Value));
        await factory.DeliverAsync();

        var withdrawn = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn["status"]!.GetValue<string>());
        var closed = await Api.ReadAsync(await inspector.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK);
        Assert.Equal("closed", closed["case"]!["status"]!.GetValue<string>());

        // A right withdrawn owes nothing more but its geological data within 15 days (CN-GEODATA): its other duties ended
        // with it, are not judged, and remind of nothing. The holder submits the data and the authority accepts it.
        var owed = Assert.Single((await Api.ReadAsync(await holder.Client.GetAsync($"/api/obligations?rightId={rightId}"), HttpStatusCode.OK))["items"]!.AsArray())!;
        Assert.Equal("CN-GEODATA", owed["ruleId"]!.GetValue<string>());
        Assert.Equal("2025-07-18", owed["dueOn"]!.GetValue<string>());
        factory.Clock.Set(TestClock.Shanghai(2025, 7, 10, 10));
        await Send(holder.Client, owed["instanceId"]!.GetValue<string>(), "report", new() { ["submittedOn"] = "2025-07-10", ["workDone"] = "汇交全部地质资料" });
        await Send(world.Authority, owed["instanceId"]!.GetValue<string>(), "accept", []);
        var obligations = await Api.ReadAsync(await holder.Client.GetAsync($"/api/obligations?rightId={rightId}"), HttpStatusCode.OK);
        Assert.Empty(obligations["items"]!.AsArray());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 9, 30, 2));
        Assert.Equal(0, await EvaluateAsync(factory));
        Assert.Single((await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK))["items"]!.AsArray());

        // Every step told once, in the holder's language.
        var mail = (await MailDev.ForAsync(holder.Email)).Where(m => m.Subject.Contains(right["licenseNumber"]!.GetValue<string>(), StringComparison.Ordinal)).ToList();
        Assert.Empty(mail.GroupBy(m => m.Subject).Where(g => g.Count() > 1).Select(g => g.Key));
        foreach (var step in new[] { "【未接受】", "【逾期】", "【违约】", "【案件】", "【责令整改】", "【逾期未整改】", "【收回】" })
        {
            Assert.True(mail.Count(m => m.Subject.StartsWith(step, StringComparison.Ordinal)) == 1,
                $"{step}: {string.Join(" | ", mail.Select(m => m.Subject))}");
        }

        // Reminders: 60 and 30 days before; 12 days left when the rejected report reopened the duty; 7 and 1 days before.
        // The rectification order: 25 days left when ordered, then 1 day before (the 7-day stage passed over by it).
        var reminders = mail.Where(m => m.Subject.StartsWith("【提醒】", StringComparison.Ordinal)).Select(m => m.Subject).ToList();
        Assert.Equal(5, reminders.Count(s => s.Contains("阶段成果报告", StringComparison.Ordinal)));
        Assert.Equal(2, reminders.Count(s => s.Contains("整改", StringComparison.Ordinal)));
    }

    private static async Task Send(HttpClient client, string instanceId, string signal, Dictionary<string, object> values)
    {
        var response = await client.PostAsJsonAsync($"/api/workflows/instances/{instanceId}/signals/{signal}", new { values });
        Assert.True(response.StatusCode == HttpStatusCode.OK, signal + ": " + await response.Content.ReadAsStringAsync());
    }

    private static Task<int> EvaluateAsync(ServiceFactory factory) =>
        factory.Services.GetRequiredService<PerformanceEvaluator>().EvaluateAsync(CancellationToken.None);
}
