using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Imports;

/// <summary>
/// Imports a province's existing register (holders and rights granted before the service) from a CSV or XLSX file. A
/// new right goes through registration itself (<see cref="RegisterRight"/>, <see cref="RegisterHolder"/>), so it meets
/// every check a right registered by hand meets, and its processes start as of today: nothing is judged for the days
/// before the import. A right already registered under the row's licence number, or a holder under its credit code, is
/// updated where the row changes what may change (names, minerals, mine scale, contacts), never registered twice.
/// Rows go in batches of <see cref="Batch"/>: each batch reads what its rows are checked against in two queries
/// (<see cref="RegistrationBatch"/>), registers or updates row by row in memory, and is saved and committed once. A
/// dry run walks the same path and saves nothing, carrying what its batches would have registered on in memory. A
/// refused row writes nothing (all its checks come before its first change) and does not stop the rows after it.
/// </summary>
public sealed class ImportRegister(
    MiningRightsDbContext db,
    RegisterHolder registerHolder,
    RegisterRight registerRight,
    Access access,
    JurisdictionDirectory jurisdictions,
    Ground.IGroundRegister ground,
    PlannerStatistics statistics,
    TimeProvider time)
{
    /// <summary>Rows per transaction of an import: large enough to be quick, small enough not to hold the ground long.</summary>
    public const int Batch = 500;

    public async Task<ImportReport> HandleAsync(Storage.Upload file, bool dryRun, Actor user, CancellationToken ct)
    {
        var name = Text.Cut(Path.GetFileName(file.FileName).Trim(), 200);
        var content = new byte[file.Length];
        await using (var stream = file.Open())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        var sheet = ImportSheet.Read(name, content);
        if (sheet.Lines.Count == 0)
        {
            throw new RefusalException(422, "Unreadable register file", "The file has its heading row but no rights below it.",
                errors: new Dictionary<string, string[]> { ["file"] = ["The file has no rows."] }, detailZh: "文件只有标题行，没有矿业权数据。");
        }

        var rows = sheet.Lines.Select(ImportRow.Read).ToList();
        await ImportFileChecks.EnsureCoveredAsync(rows, user, db, jurisdictions, access, ct);
        ImportFileChecks.MarkRepeatedNumbers(rows);

        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var taken = new List<ImportedRight>();
        IDbContextTransaction? hold = null;
        KnownRegister? known = null;

        // A batch is checked against what it read once and saved once: nothing a row does is saved before its checks
        // pass, so a refused row leaves nothing behind. Changes are detected once, before the batch's save, not on every
        // read of the rows tracked so far; and the one savepoint EF Core sets around a save in a transaction is not needed.
        // A dry run saves nothing: each batch is checked against the database and what the batches before it would have
        // registered, carried on in memory.
        db.Database.AutoSavepointsEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var start = 0; start < rows.Count; start += Batch)
            {
                if (!dryRun)
                {
                    hold = await ground.HoldAsync(ct);
                }

                var batch = rows.Skip(start).Take(Batch).Where(r => r.Problems.Count == 0).ToList();
                known = await KnownRegister.ReadAsync(db, batch, dryRun ? known : null, ct);
                foreach (var row in batch)
                {
                    try
                    {
                        var (outcome, id) = await ImportAsync(row, known, user, today, ct);
                        taken.Add(new ImportedRight(row.Line.Row, row.LicenseNumber!, outcome, dryRun && outcome == ImportOutcome.New ? null : id));
                    }
                    catch (RefusalException refusal)
                    {
                        row.Refused(refusal);
                    }
                }

                if (hold is not null)
                {
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(ct);
                    await hold.CommitAsync(ct);
                    await hold.DisposeAsync();
                    hold = null;
                }

                // The batch is written (or, in a dry run, left unwritten): tracking it on would make every later batch's save check it again.
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            // An import that failed midway: its batch is undone.
            if (hold is not null)
            {
                await hold.RollbackAsync(CancellationToken.None);
                await hold.DisposeAsync();
            }

            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.Database.AutoSavepointsEnabled = true;
        }

        var problems = rows.SelectMany(r => r.Problems).OrderBy(p => p.Row).ToList();
        int Count(ImportOutcome outcome) => taken.Count(t => t.Outcome == outcome);
        var report = new ImportReport(name, dryRun, rows.Count, Count(ImportOutcome.New), Count(ImportOutcome.Updated), Count(ImportOutcome.Unchanged),
            rows.Count(r => r.Problems.Count > 0), problems, taken);
        if (!dryRun)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                AtUtc = time.GetUtcNow().UtcDateTime,
                Actor = user.Name,
                Action = "register.imported",
                Detail = Text.Cut($"Register file '{name}' imported: {report.Rows} rows, {report.New} new, {report.Updated} updated, {report.Unchanged} unchanged, {report.Refused} refused.", 1000),
            });
            await db.SaveChangesAsync(ct);
            await statistics.AfterWriteAsync(report.New + report.Updated, ct);
        }

        return report;
    }

    /// <summary>
    /// One row: a new right registered (with its holder if new), or the registered one updated or left as it is. Every
    /// check comes before the first change, so that a refusal leaves the batch's unit of work as it found it.
    /// </summary>
    private async Task<(ImportOutcome Outcome, Guid RightId)> ImportAsync(ImportRow row, KnownRegister known, Actor user, DateOnly today, CancellationToken ct)
    {
        var holder = row.CreditCode is { } code ? known.Holders.GetValueOrDefault(code) : null;
        var right = row.LicenseNumber is { } number ? known.Rights.GetValueOrDefault(number) : null;
        if (right is null)
        {
            if (row.Right.ExpiresOn is { } expires && expires < today)
            {
                throw RefusalException.Invalid("expiresOn", $"The right expired on {expires:yyyy-MM-dd}; only rights in force are imported.",
                    $"该矿业权已于 {expires:yyyy-MM-dd} 到期；只导入有效的矿业权。");
            }

            var newHolder = holder is null ? RegisterHolder.Create(row.Holder, time) : null;
            if (newHolder is not null)
            {
                known.Batch.Knows(newHolder);
            }
            else if (RegisterHolder.Check(row.Holder) is { } refusal)
            {
                throw refusal;
            }

            var registered = await registerRight.PrepareAsync(row.Right with { HolderId = (holder ?? newHolder)!.Id }, user, null, ct, processesFrom: today, batch: known.Batch);
            if (newHolder is not null)
            {
                registerHolder.Add(newHolder, user);
                known.Holders[newHolder.CreditCode] = newHolder;
            }
            else
            {
                RegisteredHolder.Update(holder!, row.Holder, user, db, time);
            }

            known.Rights[registered.LicenseNumber] = registered;
            return (ImportOutcome.New, registered.Id);
        }

        RegisteredRight.EnsureSame(right, holder, row);
        if (RegisterHolder.Check(row.Holder) is { } invalid)
        {
            throw invalid;
        }

        var changed = RegisteredRight.Update(right, row, user, db, time) | RegisteredHolder.Update(holder!, row.Holder, user, db, time);
        return (changed ? ImportOutcome.Updated : ImportOutcome.Unchanged, right.Id);
    }
}
