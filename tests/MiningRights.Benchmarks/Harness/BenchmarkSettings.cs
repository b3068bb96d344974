using System.Globalization;

namespace MiningRights.Benchmarks.Harness;

/// <summary>The command line of the harness. Each scenario picks the sizes that concern it.</summary>
public sealed record BenchmarkSettings
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/MiningRights.Benchmarks -- [options]

          --runs N               timed runs per scenario and size; figures are their median, min and max (default 5)
          --notices A,B,...      outbox sizes for the delivery scenario (default 2000)
          --rights A,B,...       numbers of rights for the idle sweep and the evaluation (default 10000,100000), the
                                 load (default 100000) and rows of the register import (default 10000)
          --due A,B,...          due reminder stages and expiries for the burst sweep (default 10000)
          --burst A,B,...        due reminder stages swept and delivered by service processes in one-node and
                                 two-nodes (PostgreSQL only; default 2000)
          --parallelism N        Outbox:DeliveryParallelism for the delivery and node scenarios (default 4)
          --clients N            concurrent clients of the load scenario, half holders and half inspectors (default 50),
                                 and officers viewing the block pool page at once in the listing scenario (default 16)
          --seconds N            measured seconds of the load scenario, after its warm-up (default 60)
          --pause-ms N           what each load client (and each officer of the listing scenario) waits after an answer
                                 before its next request, as a person reading it would (0.5 to 1.5 times N at random;
                                 default 0: a closed loop without pause)
          --blocks A,B,...       officer-made blocks on the block pool page of the listing scenario (default 190)
          --corners N            corners (拐点) of each of those blocks (default 500, the service's default cap)
          --views N              views of the block pool page one after another, and by each officer at once (default 50)
          --scenario NAME,...    only these scenarios (default: all)
          --provider NAME        sqlite (default) or postgres
          --postgres CONN        PostgreSQL server for --provider postgres, without a database (default: the
                                 MININGRIGHTS_TEST_POSTGRES environment variable); each run gets its own database
          --smoke                every scenario once with tiny sizes, to check that the harness still works
          --help                 this text

        SMTP: maildev at MAILDEV_SMTP_HOST/MAILDEV_SMTP_PORT/MAILDEV_API_URL when set; otherwise the harness starts
        tests/maildev/node_modules/.bin/maildev on free loopback ports (run `npm ci` in tests/maildev once).
        """;

    public int Runs { get; init; } = 5;

    public IReadOnlyList<int> Notices { get; init; } = [2000];

    /// <summary>Null when not given: each scenario that takes a number of rights has its own default.</summary>
    public IReadOnlyList<int>? Rights { get; init; }

    public IReadOnlyList<int> DueStages { get; init; } = [10_000];

    public IReadOnlyList<int> Burst { get; init; } = [2000];

    public int Parallelism { get; init; } = 4;

    /// <summary>Null when not given: the load and listing scenarios each have their own default.</summary>
    public int? Clients { get; init; }

    public int Seconds { get; init; } = 60;

    public int PauseMilliseconds { get; init; }

    public IReadOnlyList<int>? Blocks { get; init; }

    public int? Corners { get; init; }

    public int? Views { get; init; }

    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public bool Smoke { get; init; }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; init; } = "sqlite";

    public string? PostgresServer { get; init; } = Environment.GetEnvironmentVariable("MININGRIGHTS_TEST_POSTGRES");

    public bool OnPostgres => Provider == "postgres";

    public bool Help { get; init; }

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> naming the option that is wrong.</summary>
    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchmarkSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{name} needs a value.");
                }

                return args[++i];
            }

            settings = name switch
            {
                "--runs" => settings with { Runs = Positive(name, Value()) },
                "--notices" => settings with { Notices = Sizes(name, Value()) },
                "--rights" => settings with { Rights = Sizes(name, Value()) },
                "--due" => settings with { DueStages = Sizes(name, Value()) },
                "--burst" => settings with { Burst = Sizes(name, Value()) },
                "--parallelism" => settings with { Parallelism = Positive(name, Value()) },
                "--clients" => settings with { Clients = Positive(name, Value()) },
                "--seconds" => settings with { Seconds = Positive(name, Value()) },
                "--pause-ms" => settings with { PauseMilliseconds = int.TryParse(Value(), System.Globalization.CultureInfo.InvariantCulture, out var pause) && pause >= 0 ? pause : throw new ArgumentException($"{name} is a whole number of milliseconds, 0 or more, not '{args[i]}'.") },
                "--blocks" => settings with { Blocks = Sizes(name, Value()) },
                "--corners" => settings with { Corners = Positive(name, Value()) },
                "--views" => settings with { Views = Positive(name, Value()) },
                "--scenario" => settings with { Scenarios = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--provider" => settings with { Provider = Value().ToLowerInvariant() is "sqlite" or "postgres" ? args[i].ToLowerInvariant() : throw new ArgumentException($"{name} is sqlite or postgres, not '{args[i]}'.") },
                "--postgres" => settings with { PostgresServer = Value() },
                "--smoke" => settings with { Smoke = true },
                "--help" or "-h" => settings with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return settings;
    }

    private static List<int> Sizes(string name, string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => Positive(name, v)).ToList();

    private static int Positive(string name, string value) =>
        int.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} expects positive whole numbers, got '{value}'.");
}
