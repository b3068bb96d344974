using MiningRights.Data;

namespace MiningRights.Workflows;

/// <summary>
/// A kind of thing workflows run on (right, case, transfer block, contract, verification batch). Each feature folder
/// registers its own; definitions name the kind in <c>subject</c>, checked at start.
/// </summary>
public interface ISubjectKind
{
    string Name { get; }

    /// <summary>The subjects with the given ids, read in one go; ids that do not exist are left out.</summary>
    Task<IReadOnlyList<Subject>> LoadAsync(MiningRightsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
