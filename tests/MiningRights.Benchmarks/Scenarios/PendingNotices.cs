using System.Globalization;
using MiningRights.Notifications;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// Outbox rows written straight to the table, as the workflows would have queued them, with bodies of the size and
/// script of a real reminder. The one place the benchmark depends on the shape of <see cref="Notification"/>.
/// </summary>
internal static class PendingNotices
{
    public static Notification Create(int index, string recipient, DateTime nowUtc)
    {
        var license = "T62000020250" + index.ToString("D8", CultureInfo.InvariantCulture);
        var text = string.Join('\n', Enumerable.Repeat(
            $"矿业权：{license} 马鬃山金矿普查\n矿业权人：测试矿业有限公司 (Test Mining Co., Ltd.)\n事项：提交勘查实施方案\n截止日期：2026-03-01（北京时间当日24时止）\n剩余天数：60 天\n依据：GS-9d 甘肃省空白区探矿权出让后勘查实施方案延后提交",
            4));
        return new Notification
        {
            Key = $"bench:{index}:{recipient}",
            InstanceId = Guid.NewGuid(),
            Stage = "reminder-60",
            RuleId = "GS-9d",
            Recipient = recipient,
            Language = "zh-CN",
            Subject = $"提醒：{license} 勘查实施方案将于 60 天后到期",
            TextBody = text,
            HtmlBody = "<!DOCTYPE html><html lang=\"zh-CN\"><body><table>" + string.Concat(text.Split('\n').Select(line => $"<tr><td>{line}</td></tr>")) + "</table></body></html>",
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
        };
    }
}
