using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Benchmarks.Harness;
using MiningRights.Rights;
using Xunit.Abstractions;

namespace MiningRights.Benchmarks.Tests;

/// <summary>
/// PostgreSQL restarted under load, on a server of the test's own: a node of the built service keeps answering while
/// the database is gone (503 with a ProblemDetails and Retry-After, never a 500, and a refused write leaves nothing),
/// answers as before once it is back, and its scheduled jobs resume, so every due notice still goes out once.
/// </summary>
[Trait("Database", "Explicit")]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const int Stages = 1000;
    private const int Clients = 4;

    [Fact]
    public async Task Requests_fail_cleanly_while_PostgreSQL_restarts_and_succeed_after_it_and_the_jobs_resume()
    {
        await using var cluster = await PostgresCluster.CreateAsync();
        await using var run = await NodeRun.StartAsync(output, Stages, postgresServer: cluster.Server);
        await using var node = run.StartNode("node", new Dictionary<string, string>
        {
            // Each write a request makes waits at most this long for the database before the request is answered.
            ["ConnectionStrings__MiningRights"] = run.ConnectionString + ";Timeout=3;Command Timeout=5",
        });
        await node.WaitUntilStartedAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(30) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = NodeRun.AdminUser, password = NodeRun.AdminPassword });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());

        // Clients reading the outbox and registering holders, one request after another, until told to stop.
        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentBag<Answer>();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => LoadAsync(http, c % 2 == 0, clock, answers, stop.Token))).ToList();

        await run.WaitForSomeAsync(100);
        var mailedAtStop = await run.CountAsync();
        var downAt = clock.Elapsed;
        await cluster.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await cluster.StartAsync();
        var upAt = clock.Elapsed;

        // The test's own connections to the old server are gone as well.
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var received = await run.WaitForAllAsync([node]);
        var all = answers.OrderBy(a => a.At).ToList();
        output.WriteLine($"{all.Count} requests; server stopped at {downAt.TotalSeconds:F1} s with {mailedAtStop} of {Stages} mails out, started again at {upAt.TotalSeconds:F1} s; " +
            string.Join(", ", all.GroupBy(a => a.Status).Select(g => $"{g.Count()} × {g.Key}")));

        // Never anything but an answer or a clean refusal: no 500, no broken connection.
        Assert.All(all, a => Assert.True(a.Status is 200 or 201 or 503, $"{a.At.TotalSeconds:F1} s: {a.Status} {a.Body}"));
        var refused = all.Where(a => a.Status == 503).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, a =>
        {
            Assert.True(a.ProblemJson && a.RetryAfter, $"503 without a ProblemDetails and Retry-After: {a.Body}");
            Assert.InRange(a.At, downAt - TimeSpan.FromSeconds(1), upAt + TimeSpan.FromSeconds(5));
        });

        // Answered as before a few seconds after the server is back: reads and writes.
        var after = all.Where(a => a.At > upAt + TimeSpan.FromSeconds(5)).ToList();
        Assert.Contains(after, a => a.Status == 200);
        Assert.Contains(after, a => a.Status == 201);

        // Every holder answered 201 is there, and none of the refused ones.
        var codes = await run.ReadAsync(db => db.Holders.Select(h => h.CreditCode).ToListAsync());
        Assert.All(all.Where(a => a.Status == 201), a => Assert.Contains(a.CreditCode!, codes));
        Assert.All(refused.Where(a => a.CreditCode is not null), a => Assert.DoesNotContain(a.CreditCode!, codes));

        // The jobs resumed: the notices not out when the server stopped went out after it, each once (a notice accepted
        // while "sent" could not be written is recorded from memory, not sent again).
        Assert.False(node.HasExited, node.Log);
        Assert.InRange(mailedAtStop, 1, Stages - 1);
        Assert.Equal(Stages, received.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Stages, received.Count);
    }

    private static async Task LoadAsync(HttpClient http, bool writes, Stopwatch clock, ConcurrentBag<Answer> answers, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var at = clock.Elapsed;
            string? code = null;
            HttpResponseMessage response;
            try
            {
                if (writes)
                {
                    var digits = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(9)).PadRight(9, '3');
                    code = UnifiedSocialCreditCode.WithCheckCharacter($"91620100{digits}");
                    response = await http.PostAsJsonAsync("/api/holders", new
                    {
                        creditCode = code,
                        nameZh = "重启测试矿业有限公司",
                        nameEn = "Restart Test Mining Co., Ltd.",
                        language = "zh-CN",
                        contactEmails = new[] { $"restart-{Guid.NewGuid():N}@restart.test" },
                    }, CancellationToken.None);
                }
                else
                {
                    response = await http.GetAsync("/api/notifications?status=sent&pageSize=5", CancellationToken.None);
                }
            }
            catch (HttpRequestException ex)
            {
                answers.Add(new Answer(at, 0, ex.Message, false, false, code));
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                answers.Add(new Answer(at, (int)response.StatusCode, body.Length > 300 ? body[..300] : body,
                    response.Content.Headers.ContentType?.MediaType == "application/problem+json", response.Headers.RetryAfter is not null, code));
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    private sealed record Answer(TimeSpan At, int Status, string Body, bool ProblemJson, bool RetryAfter, string? CreditCode);
}
