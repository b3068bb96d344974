using System.Globalization;
using System.Net;
using System.Text;
using MiningRights.Workflows;

namespace MiningRights.Notifications;

/// <summary>
/// Writes a notice in one language, plain text and HTML. The template gives the subject, the lead and the action;
/// the composer always adds the facts of the policy brief in the same order, so no notice can leave one out.
/// </summary>
public static class NoticeComposer
{
    public static ComposedNotice Compose(NoticeDefinition template, NoticeFacts facts, string language)
    {
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        string Fill(LocalizedText text) => text.In(language)
            // The templates' names for the subject's label and detail, kept from when every subject was a right.
            .Replace("{licenseNumber}", facts.SubjectLabel, StringComparison.Ordinal)
            .Replace("{projectName}", facts.SubjectDetail, StringComparison.Ordinal)
            .Replace("{holderName}", facts.HolderName, StringComparison.Ordinal)
            .Replace("{what}", (zh ? facts.WhatZh : facts.WhatEn) ?? string.Empty, StringComparison.Ordinal)
            .Replace("{dueDate}", facts.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)
            // English counts one day in the singular ("due in 1 day"); the templates write "{daysLeft} days".
            .Replace("{daysLeft} days", facts.DaysLeft == 1 ? "1 day" : "{daysLeft} days", StringComparison.Ordinal)
            .Replace("{daysLeft}", facts.DaysLeft?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)
            .Replace("{ruleId}", facts.Citation.RuleId, StringComparison.Ordinal);

        var subject = Fill(template.Subject);
        var rows = new List<(string Label, string Value)>
        {
            (zh ? "矿业权" : "Right", $"{facts.SubjectLabel} {facts.SubjectDetail}"),
            (zh ? "矿业权人" : "Holder", facts.HolderName),
        };
        if (facts.WhatZh is not null)
        {
            rows.Add((zh ? "事项" : "What is due", zh ? facts.WhatZh : facts.WhatEn!));
        }

        if (facts.DueOn is { } due)
        {
            rows.Add((zh ? "截止日期" : "Due date", zh
                ? $"{due:yyyy-MM-dd}（北京时间当日24时止）"
                : $"{due:yyyy-MM-dd} (end of day, Asia/Shanghai)"));
        }

        if (facts.DaysLeft is { } left)
        {
            rows.Add((zh ? "剩余天数" : "Days left", left >= 0
                ? (zh ? $"{left} 天" : $"{left} days")
                : (zh ? $"已逾期 {-left} 天" : $"overdue by {-left} days")));
        }

        foreach (var line in facts.Lines ?? [])
        {
            rows.Add((zh ? line.LabelZh : line.LabelEn, zh ? line.ValueZh : line.ValueEn));
        }

        rows.Add((zh ? "当前状态" : "Status", zh ? facts.StatusZh : facts.StatusEn));
        rows.Add((zh ? "依据" : "Rule", facts.Citation.Summary(language)));
        rows.Add((zh ? "来源" : "Source", facts.Citation.Sources(language)));
        rows.Add((zh ? "请办理" : "What to do", Fill(template.Action)));

        var lead = Fill(template.Lead);
        var text = new StringBuilder();
        text.AppendLine(lead).AppendLine();
        foreach (var (label, value) in rows)
        {
            text.Append(label).Append(zh ? "：" : ": ").AppendLine(value);
        }

        text.AppendLine().AppendLine(zh ? "此邮件由矿业权全生命周期管理系统自动发送。" : "Sent by the mining-rights lifecycle service.");

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(zh ? "zh-CN" : "en").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body><p>").Append(WebUtility.HtmlEncode(lead)).Append("</p><table>");
        foreach (var (label, value) in rows)
        {
            html.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(label)).Append("</th><td>")
                .Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
        }

        html.Append("</table></body></html>");
        return new ComposedNotice(subject, text.ToString(), html.ToString());
    }
}
