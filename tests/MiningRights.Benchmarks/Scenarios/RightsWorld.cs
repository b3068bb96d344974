using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Deadlines;
using MiningRights.Workflows;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// Rights with a running GS-9d instance and its plan deadline each, written straight into the SQLite file in one
/// transaction with prepared statements, in the formats EF Core writes (GUIDs upper-case, instants as
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF"), so that 1,000,000 rights take seconds, not an hour of use cases. The one place the
/// benchmark depends on the shape of those tables.
/// </summary>
internal static class RightsWorld
{
    private const string Definition = "exploration-plan-deferral";

    /// <summary>
    /// <paramref name="rights"/> rights of <paramref name="holders"/> holders. The first <paramref name="due"/> have a
    /// reminder stage due at <paramref name="now"/>, or their expiry when <paramref name="expiring"/>; the others fall
    /// due spread over the next ten years.
    /// </summary>
    public static async Task SeedAsync(BenchmarkService service, int rights, int due, int holders, DateTime now, CancellationToken ct, bool expiring = false)
    {
        var registry = service.Services.GetRequiredService<WorkflowRegistry>();
        var definition = registry.Versions(Definition)[^1];
        var calendar = ProvinceCalendar.China;
        var today = calendar.DateAt(new DateTimeOffset(now));
        var random = new Random(20261122);

        await using var connection = new SqliteConnection(Data.Sqlite.SqliteProvider.ConnectionStringFor(service.DataDirectory));
        await connection.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);

        var snapshot = Command(connection, transaction, """INSERT INTO "DefinitionSnapshots" ("ContentHash","DefinitionId","Version","Json","StoredAtUtc") VALUES ($h,$d,$v,$j,$t)""");
        Set(snapshot, ("$h", definition.ContentHash), ("$d", Definition), ("$v", definition.Definition.Version), ("$j", definition.Json), ("$t", Instant(now)));
        await snapshot.ExecuteNonQueryAsync(ct);

        var holderIds = Enumerable.Range(0, holders).Select(_ => Guid.NewGuid()).ToArray();
        var holder = Command(connection, transaction, """INSERT INTO "Holders" ("Id","CreditCode","NameZh","NameEn","Language","ContactEmails","CreatedAtUtc") VALUES ($id,$code,'测试矿业有限公司','Test Mining Co., Ltd.','zh-CN',$mail,$t)""");
        for (var i = 0; i < holders; i++)
        {
            Set(holder, ("$id", Id(holderIds[i])), ("$code", $"91620100{i:D9}X"), ("$mail", $"holder{i}@bench.test"), ("$t", Instant(now)));
            await holder.ExecuteNonQueryAsync(ct);
        }

        var right = Command(connection, transaction, """
            INSERT INTO "Rights" ("Id","LicenseNumber","Kind","HolderId","ProjectName","Minerals","AreaKm2","LocationCountyCode","AuthorityCode","TransferMode","BlankArea","RegisteredOn","IssuedOn","ExpiresOn","Status","CreatedAtUtc","UpdatedAtUtc")
            VALUES ($id,$no,'Exploration',$holder,'马鬃山金矿普查','金','12.5','620923','620000','Listing',1,$reg,$reg,$exp,'Active',$t,$t)
            """);
        var instance = Command(connection, transaction, """
            INSERT INTO "WorkflowInstances" ("Id","DefinitionId","DefinitionVersion","DefinitionHash","State","Finished","DatesJson","DataJson","Version","CreatedAtUtc","UpdatedAtUtc","SubjectKind","SubjectId","SubjectLabel","RightId","HolderId","JurisdictionCode","AuthorityCode")
            VALUES ($id,$def,$ver,$hash,'awaitingPlan',0,$dates,'{}',1,$t,$t,'right',$right,$no,$right,$holder,'620923','620000')
            """);
        var deadline = Command(connection, transaction, """
            INSERT INTO "Deadlines" ("Id","InstanceId","HolderId","Name","RuleId","WhatZh","WhatEn","DueOn","Escalation","ExpiresAtUtc","ReminderDays","StagesDone","NextStage","NextActionAtUtc","State","CreatedAtUtc","Version","Attempts")
            VALUES ($id,$instance,$holder,'planDue','GS-9d','提交勘查实施方案','Submit the exploration implementation plan',$due,0,$expires,'60,30,7,1',$done,$stage,$next,'Open',$t,0,0)
            """);

        for (var i = 0; i < rights; i++)
        {
            // Due now: a 30-day stage, or the expiry. Otherwise any day of the next ten years.
            var dueOn = i < due ? (expiring ? today.AddDays(-1) : today.AddDays(29)) : today.AddDays(61 + random.Next(3650));
            var registered = dueOn.AddYears(-1);
            var model = new Deadline
            {
                InstanceId = Guid.NewGuid(),
                Name = "planDue",
                RuleId = "GS-9d",
                WhatZh = string.Empty,
                WhatEn = string.Empty,
                DueOn = dueOn,
                ReminderDays = "60,30,7,1",
                StagesDone = i < due ? "60" : string.Empty,
            };
            model.Schedule(calendar, 9);

            var rightId = Guid.NewGuid();
            var holderId = Id(holderIds[i % holders]);
            var number = $"T62{i:D15}";
            Set(right, ("$id", Id(rightId)), ("$no", number), ("$holder", holderId), ("$reg", Date(registered)), ("$exp", Date(registered.AddYears(5))), ("$t", Instant(now)));
            await right.ExecuteNonQueryAsync(ct);
            Set(instance, ("$id", Id(model.InstanceId)), ("$def", Definition), ("$ver", definition.Definition.Version), ("$hash", definition.ContentHash),
                ("$dates", $"{{\"registeredOn\":\"{Date(registered)}\",\"planDue\":\"{Date(dueOn)}\"}}"), ("$t", Instant(now)), ("$right", Id(rightId)), ("$no", number), ("$holder", holderId));
            await instance.ExecuteNonQueryAsync(ct);
            Set(deadline, ("$id", Id(Guid.NewGuid())), ("$instance", Id(model.InstanceId)), ("$holder", holderId), ("$due", Date(dueOn)),
                ("$expires", Instant(model.ExpiresAtUtc)), ("$done", model.StagesDone), ("$stage", model.NextStage), ("$next", Instant(model.NextActionAtUtc!.Value)), ("$t", Instant(now)));
            await deadline.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Set(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
    }

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTime instant) => instant.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
