using MiningRights.Accounts;
using MiningRights.Policies;

namespace MiningRights.Rights;

/// <summary>
/// A right's term begins: registered (by hand, imported, from a transaction) or re-issued for its service life. Raised
/// through <see cref="Workflows.ProcessTriggers"/>; the processes that follow a term (its renewal, CN-RENEW) start on it.
/// </summary>
/// <param name="AsOf">The day whose definitions apply: the registration's, or the import's for a right from an existing register.</param>
/// <param name="JudgedFrom">For a right imported from an existing register, the day of the import: what fell due before is not judged.</param>
public sealed record RightInForce(MiningRight Right, Actor Actor, ProvinceParameters Parameters, DateOnly? AsOf = null, DateOnly? JudgedFrom = null);
