using MiningRights.Data;

namespace MiningRights.Workflows;

/// <summary>
/// Lines a feature adds to every notice about subjects of another feature's kind (a block under contract states its
/// first installment: due, paid, owed, late charge). The subject directory asks each for the subjects it loads, so the
/// kind itself names no feature that adds to it.
/// </summary>
public interface ISubjectLines
{
    /// <summary>The subject kind the lines are for.</summary>
    string Kind { get; }

    /// <summary>The lines of those of <paramref name="ids"/> that have any, read in one go.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<NoticeLine>>> LinesAsync(MiningRightsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct);
}
