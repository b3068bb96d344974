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

    public sealed record MailAddress([property: JsonPropertyName("address")] string Address);

    public sealed record Mail(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("html")] string? Html,
        [property: JsonPropertyName("to")] IReadOnlyList<MailAddress> To);
}
