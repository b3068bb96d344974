using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>The mail maildev holds, with the headers delivery tests look at.</summary>
internal static class Mailbox
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Every mail addressed to an address in <paramref name="domain"/>.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> ForDomainAsync(string domain)
    {
        var all = JsonNode.Parse(await Http.GetStringAsync($"{MailDev.ApiUrl}/email"))?.AsArray() ?? [];
        return all
            .Select(m => new ReceivedMail(
                m!["to"]?.AsArray().Select(t => t!["address"]!.GetValue<string>()).ToList() ?? [],
                m["headers"]?["message-id"]?.GetValue<string>(),
                Guid.TryParse(m["headers"]?["x-miningrights-notification"]?.GetValue<string>(), out var id) ? id : null))
            .Where(m => m.To.Any(a => a.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>
    /// Waits until maildev holds <paramref name="count"/> mails for the domain or the time is up, then returns what it
    /// holds. Asked for one more than expected, it waits the whole time: a late duplicate has that long to show up.
    /// </summary>
    public static async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string domain, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var mails = await ForDomainAsync(domain);
            if (mails.Count >= count || DateTime.UtcNow > deadline)
            {
                return mails;
            }

            await Task.Delay(50);
        }
    }

    public sealed record ReceivedMail(IReadOnlyList<string> To, string? MessageId, Guid? NotificationId);
}
