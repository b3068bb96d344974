using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.Benchmarks.Harness;
using MiningRights.Data;
using MiningRights.Imports;
using MiningRights.Rights;
using MiningRights.Storage;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// A province's existing register imported (issue 23): a CSV file of N rights (10,000 by default), each with its own
/// new holder and its corners as a 1 km square in Gauss-Krüger zone 32 on a grid, so that none overlaps another and
/// every row goes through the ground check. Timed: the dry run (every row checked as registration checks it, batch by
/// batch, nothing saved) and then the import (500 rows per batch, each read in two queries and saved in one
/// transaction), through <see cref="ImportRegister"/> as the API calls it.
/// Checked: both report N new rights and no refusal, the dry run wrote no right, the import wrote N. Target: under 60 s
/// for both together.
/// </summary>
public sealed class ImportScenario : IBenchmarkScenario
{
    private const int GridWidth = 100;

    public string Name => "import";

    public string Unit => "rows";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [50] : settings.Rights ?? [10_000];

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        await using var service = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, cancellationToken);
        var file = Register(size);
        var officer = new Actor("bench-officer", [Roles.Authority], null, "620000") { Id = "bench-officer" };

        var dryClock = Stopwatch.StartNew();
        var dry = await ImportAsync(service, file, dryRun: true, officer, cancellationToken);
        dryClock.Stop();
        var afterDry = await RightsAsync(service, cancellationToken);

        var importClock = Stopwatch.StartNew();
        var imported = await ImportAsync(service, file, dryRun: false, officer, cancellationToken);
        importClock.Stop();
        var afterImport = await RightsAsync(service, cancellationToken);

        if (dry.New != size || dry.Refused != 0 || afterDry != 0 || imported.New != size || imported.Refused != 0 || afterImport != size)
        {
            throw new InvalidOperationException(
                $"Expected {size} new rights and no refusal: dry run {dry.New} new, {dry.Refused} refused ({string.Join("; ", dry.Problems.Take(3).Select(p => $"row {p.Row} {p.Column}: {p.Message}"))}), " +
                $"{afterDry} rights after it; import {imported.New} new, {imported.Refused} refused, {afterImport} rights after it.");
        }

        var total = dryClock.Elapsed + importClock.Elapsed;
        return new Measurement(total, size, string.Create(CultureInfo.InvariantCulture,
            $"file {file.Length / 1024.0 / 1024.0:0.0} MiB; dry run {dryClock.Elapsed.TotalSeconds:0.0} s, import {importClock.Elapsed.TotalSeconds:0.0} s ({size / importClock.Elapsed.TotalSeconds:0} rows/s); target < 60 s together"));
    }

    private static async Task<ImportReport> ImportAsync(BenchmarkService service, byte[] file, bool dryRun, Actor officer, CancellationToken ct)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportRegister>();
        return await import.HandleAsync(new Upload("register.csv", "text/csv", file.Length, () => new MemoryStream(file, writable: false)), dryRun, officer, ct);
    }

    private static async Task<int> RightsAsync(BenchmarkService service, CancellationToken ct)
    {
        await using var scope = service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Rights.CountAsync(ct);
    }

    /// <summary>N rows; the squares sit on a grid of 1.5 km cells 100 wide, north of 41.9° N, 75 km either side of 96° E.</summary>
    private static byte[] Register(int size)
    {
        var text = new StringBuilder(size * 420);
        text.AppendLine(string.Join(',', ImportColumn.All.Select(c => c.Key)));
        for (var i = 0; i < size; i++)
        {
            var number = i.ToString("D9", CultureInfo.InvariantCulture);
            var x = 4_640_000 + ((i / GridWidth) * 1_500);
            var y = 32_425_000 + ((i % GridWidth) * 1_500);
            var code = UnifiedSocialCreditCode.WithCheckCharacter($"91620100{number}");
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{code},基准测试矿业有限公司{i},Benchmark Mining Co. {i},zh-CN,bench-{number}@holders.test,T6212{number},探矿权,马鬃山金矿普查{i},金,," +
                $"620923,620000,挂牌,否,2025-12-01,2030-12-01,,高斯-克吕格,,\"{x},{y};{x},{y + 1000};{x + 1000},{y + 1000};{x + 1000},{y}\""));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
