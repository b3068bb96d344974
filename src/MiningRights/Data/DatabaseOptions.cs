namespace MiningRights.Data;

/// <summary>Configuration section <c>Database</c>: which database the service runs on and how it is prepared.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (the embedded default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply pending migrations when the service starts; unset, the provider's default (SQLite yes, PostgreSQL no).</summary>
    public bool? MigrateAtStart { get; set; }

    /// <summary>
    /// Share one schedule between several service processes on one database (the job storage in that database); unset, the
    /// provider's default (PostgreSQL yes). SQLite serves one process and refuses it.
    /// </summary>
    public bool? Clustered { get; set; }
}
