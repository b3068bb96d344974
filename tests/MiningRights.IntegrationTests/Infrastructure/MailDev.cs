using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>The real SMTP server of the test run (maildev, started by tests/run.sh), read through its REST API.</summary>
public static class MailDev
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static string SmtpHost => Environment.GetEnvironmentVariable("MAILDEV_SMTP_HOST") ?? "127.0.0.1";

    public static int SmtpPort => int.Parse(Environment.GetEnvironmentVariable("MAILDEV_SMTP_PORT") ?? "1025", CultureInfo.InvariantCulture);

    public static string ApiUrl => Environment.GetEnvironmentVariable("MAILDEV_API_URL") ?? "http://127.0.0.1:1080";

    /// <summary>Every mail maildev holds for <paramref name="address"/>.</summary>
    public static async Task<IReadOnlyList<Mail>> ForAsync(string address)
    {
        var all = await Http.GetFromJsonAsync<List<Mail>>($"{ApiUrl}/email") ?? [];
        return all.Where(m => m.To.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>
    /// SMTP accepts a message before maildev has stored it: wait (bounded) until it holds at least the given number
    /// of mails for each recipient, so that what a test reads next is complete.
    /// </summary>
    /// <summary>The recipient's mails whose subject starts with <paramref name="prefix"/>, waiting (bounded) until at least <paramref name="count"/> are stored.</summary>
    public static async Task<List<Mail>> ArrivedAsync(string address, string prefix, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = (await ForAsync(address)).Where(m => m.Subject.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }

    public static async Task WaitUntilReceivedAsync(IReadOnlyDictionary<string, int> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var all = await Http.GetFromJsonAsync<List<Mail>>($"{ApiUrl}/email") ?? [];
            var received = all.SelectMany(m => m.To.Select(t => t.Address.ToLowerInvariant()))
                .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
            if (expected.All(e => received.GetValueOrDefault(e.Key.ToLowerInvariant()) >= e.Value) || DateTime.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    public sealed record MailAddress([property: JsonPropertyName("address")] string Address);

    public sealed record Mail(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("html")] string? Html,
        [property: JsonPropertyName("to")] IReadOnlyList<MailAddress> To);
}
