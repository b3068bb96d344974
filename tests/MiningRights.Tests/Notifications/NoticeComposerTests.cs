using MiningRights.Notifications;
using MiningRights.Policies;
using MiningRights.Tests.Policies;
using MiningRights.Workflows;

namespace MiningRights.Tests.Notifications;

public sealed class NoticeComposerTests
{
    private const string LicenseNumber = "T6200002024053010059999";
    private const string ActionZh = "请在截止日期前通过系统提交勘查实施方案。";
    private const string ActionEn = "Submit the exploration implementation plan through the service before the due date.";
    private const string StatusZh = "勘查实施方案尚未提交";
    private const string StatusEn = "Plan not submitted yet";

    private static readonly NoticeDefinition Reminder = new()
    {
        Rule = "GS-9d",
        Subject = new LocalizedText
        {
            Zh = "【提醒】{licenseNumber} 勘查实施方案还剩 {daysLeft} 天到期",
            En = "Reminder: {licenseNumber} exploration plan due in {daysLeft} days",
        },
        Lead = new LocalizedText { Zh = "截止日期临近。", En = "The due date is approaching." },
        Action = new LocalizedText { Zh = ActionZh, En = ActionEn },
    };

    private static readonly PolicyRule Rule = TestPolicies.Book.Find("GS-9d", new DateOnly(2025, 1, 1))!;

    [Fact]
    public void A_Chinese_notice_states_every_fact_in_text_and_HTML()
    {
        var notice = NoticeComposer.Compose(Reminder, Facts(daysLeft: 12), "zh-CN");

        foreach (var body in new[] { notice.Text, notice.Html })
        {
            Assert.Contains(LicenseNumber, body, StringComparison.Ordinal);
            Assert.Contains("2026-06-30", body, StringComparison.Ordinal);
            Assert.Contains("12 天", body, StringComparison.Ordinal);
            Assert.Contains("GS-9d", body, StringComparison.Ordinal);
            Assert.Contains(Rule.SourceZh, body, StringComparison.Ordinal);
            Assert.DoesNotContain(Rule.SourceEn, body, StringComparison.Ordinal);
            Assert.Contains(StatusZh, body, StringComparison.Ordinal);
            Assert.Contains(ActionZh, body, StringComparison.Ordinal);
            Assert.Contains("提交勘查实施方案", body, StringComparison.Ordinal);
        }

        Assert.Equal($"【提醒】{LicenseNumber} 勘查实施方案还剩 12 天到期", notice.Subject);
    }

    [Fact]
    public void An_English_notice_states_every_fact_in_text_and_HTML()
    {
        var notice = NoticeComposer.Compose(Reminder, Facts(daysLeft: 12), "en");

        foreach (var body in new[] { notice.Text, notice.Html })
        {
            Assert.Contains(LicenseNumber, body, StringComparison.Ordinal);
            Assert.Contains("2026-06-30", body, StringComparison.Ordinal);
            Assert.Contains("12 days", body, StringComparison.Ordinal);
            Assert.Contains("GS-9d", body, StringComparison.Ordinal);
            Assert.Contains(Rule.SourceEn, body, StringComparison.Ordinal);
            Assert.DoesNotContain(Rule.SourceZh, body, StringComparison.Ordinal);
            Assert.Contains(StatusEn, body, StringComparison.Ordinal);
            Assert.Contains(ActionEn, body, StringComparison.Ordinal);
            Assert.Contains("Submit the exploration implementation plan", body, StringComparison.Ordinal);
        }

        Assert.Equal($"Reminder: {LicenseNumber} exploration plan due in 12 days", notice.Subject);
    }

    [Theory]
    [InlineData(1, "due in 1 day")]
    [InlineData(2, "due in 2 days")]
    public void An_English_subject_counts_one_day_in_the_singular(int daysLeft, string expected)
    {
        var notice = NoticeComposer.Compose(Reminder, Facts(daysLeft: daysLeft), "en");

        Assert.EndsWith(expected, notice.Subject, StringComparison.Ordinal);
        Assert.EndsWith($"还剩 {daysLeft} 天到期", NoticeComposer.Compose(Reminder, Facts(daysLeft: daysLeft), "zh-CN").Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Chinese_notice_past_the_due_date_says_how_many_days_overdue()
    {
        var notice = NoticeComposer.Compose(Reminder, Facts(daysLeft: -3), "zh-CN");

        Assert.Contains("已逾期 3 天", notice.Text, StringComparison.Ordinal);
        Assert.Contains("已逾期 3 天", notice.Html, StringComparison.Ordinal);
        Assert.Contains("剩余天数：已逾期 3 天", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_English_notice_past_the_due_date_says_how_many_days_overdue()
    {
        var notice = NoticeComposer.Compose(Reminder, Facts(daysLeft: -3), "en");

        Assert.Contains("overdue by 3 days", notice.Text, StringComparison.Ordinal);
        Assert.Contains("overdue by 3 days", notice.Html, StringComparison.Ordinal);
        Assert.Contains("Days left: overdue by 3 days", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HTML_escapes_markup_in_the_facts_and_the_text_keeps_it()
    {
        var facts = Facts(daysLeft: 12) with { SubjectDetail = "Block <script>alert(1)</script>" };

        var notice = NoticeComposer.Compose(Reminder, facts, "en");

        Assert.DoesNotContain("<script>", notice.Html, StringComparison.Ordinal);
        Assert.Contains("Block &lt;script&gt;alert(1)&lt;/script&gt;", notice.Html, StringComparison.Ordinal);
        Assert.Contains("Block <script>alert(1)</script>", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HTML_is_marked_with_the_notice_language()
    {
        Assert.Contains("lang=\"zh-CN\"", NoticeComposer.Compose(Reminder, Facts(12), "zh-CN").Html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", NoticeComposer.Compose(Reminder, Facts(12), "en").Html, StringComparison.Ordinal);
    }

    private static NoticeFacts Facts(int daysLeft) => new(
        LicenseNumber,
        "Heishan gold exploration",
        "Gansu Example Mining Co.",
        "提交勘查实施方案",
        "Submit the exploration implementation plan",
        new DateOnly(2026, 6, 30),
        daysLeft,
        new Citation([Rule]),
        StatusZh,
        StatusEn);
}
