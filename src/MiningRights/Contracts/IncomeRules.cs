using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Listing;
using MiningRights.Policies;
using MiningRights.Rights;

namespace MiningRights.Contracts;

/// <summary>
/// The rule a contract's transfer income is collected under: where a province's rule in force on the signing day covers
/// the right (ZJ-27a/b: mining rights in Zhejiang), that rule and its parameters; elsewhere the contract's own schedule,
/// enforced as a contract term (CN-CONTRACT), without citing a province's rule.
/// </summary>
public sealed class IncomeRules(MiningRightsDbContext db, PolicyBook policies)
{
    /// <summary>The contract as the basis where no province's rule covers the income.</summary>
    public const string ContractTerm = "CN-CONTRACT";

    public static string Provision(IncomeCollection collection) => collection == IncomeCollection.Amount ? "incomeByAmount" : "incomeByRate";

    public PolicyRule? For(RuleSubject subject, IncomeCollection collection, DateOnly signedOn) =>
        policies.Provider(Provision(collection), subject, signedOn, signedOn);

    /// <summary>The ID the contract's performance acts cite: the province's rule on contract performance (GS-10a in Gansu), or <see cref="ContractTerm"/>.</summary>
    public async Task<string> PerformanceIdAsync(TransferContract contract, CancellationToken ct) =>
        policies.IdOr("contractPerformance", await SubjectAsync(contract, ct), contract.SignedOn, ContractTerm);

    /// <summary>The ID the contract's income acts cite: the province's rule, or <see cref="ContractTerm"/>.</summary>
    public async Task<string> IdAsync(TransferContract contract, CancellationToken ct)
    {
        return For(await SubjectAsync(contract, ct), contract.Collection, contract.SignedOn)?.Id ?? ContractTerm;
    }

    private async Task<RuleSubject> SubjectAsync(TransferContract contract, CancellationToken ct) =>
        contract.BlockId is { } blockId
            ? (await db.Blocks.AsNoTracking().SingleAsync(b => b.Id == blockId, ct)).Scope
            : (await db.Rights.AsNoTracking().SingleAsync(r => r.Id == contract.RightId, ct)).Scope;
}
