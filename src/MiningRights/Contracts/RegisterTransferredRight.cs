using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Data;
using MiningRights.Ground;
using MiningRights.Listing;
using MiningRights.Policies;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// The last step of a transfer: the authority registers the right (新立登记) on the block, with its licence number and
/// the block's polygon, for the transferee. After a public transfer nothing is verified or disclosed again (GS-9a); an
/// agreement transfer reaches this step only through its verification and disclosure. Where asked for and allowed the
/// right starts its deferral (GS-9d, GS-9e); every installment of transfer income still owed becomes a duty of its own.
/// </summary>
public sealed class RegisterTransferredRight(
    MiningRightsDbContext db,
    BlockAccess blocks,
    RegisterRight register,
    GroundCheck ground,
    WorkflowRegistry registry,
    WorkflowRuntime runtime,
    InstallmentSubjectKind installments,
    ContractDuties duties,
    PolicyBook policies,
    TimeProvider time)
{
    public const string Signal = "register";
    public const string ByAmountWorkflow = "income-installment";
    public const string ByRateWorkflow = "income-declaration";

    /// <summary>At most this many yearly declarations are scheduled ahead for a right collected by rate.</summary>
    private const int MaxDeclarationYears = 40;

    public sealed record Request(string? LicenseNumber, string? ProjectName, DateOnly? ExpiresOn, string? Deferral);

    public async Task<MiningRight> HandleAsync(Guid blockId, Request request, Actor user, CancellationToken ct)
    {
        var block = await blocks.ForDecisionAsync(user, blockId, ct);
        var instance = await blocks.RunningTransferAsync(block, ct);
        var definition = await registry.ResolveAsync(instance, db, ct);
        if (!definition.Definition.Offers(instance.State, Signal))
        {
            throw RefusalException.Conflict($"Block {block.Code} cannot be registered yet: its {instance.DefinitionId} workflow is in state '{instance.State}'.",
                $"区块 {block.Code} 尚不能办理登记：其 {instance.DefinitionId} 流程处于“{instance.State}”状态。");
        }

        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.BlockId == block.Id && c.VoidedAtUtc == null, ct)
            ?? throw RefusalException.Conflict($"Block {block.Code} has no transfer contract.", $"区块 {block.Code} 没有出让合同。");
        // The right takes over the block's ground: held like an intake's, so that a block added at the same moment
        // sees either the live block or the right, never neither.
        await using var hold = await ground.HoldAsync(ct);
        var footprint = await db.Footprints.AsNoTracking().SingleAsync(f => f.OwnerKind == Footprint.BlockOwner && f.OwnerId == block.Id, ct);
        var polygon = BlockPolygon.FromStored(footprint.PolygonWkt);
        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());

        var right = await register.PrepareAsync(new RegisterRight.Request(
            request.LicenseNumber,
            block.IntendedKind,
            contract.HolderId,
            request.ProjectName ?? block.Name,
            block.Minerals.Split(','),
            block.AreaKm2,
            block.CountyCode,
            block.AuthorityCode,
            block.TransferMode,
            block.BlankArea,
            today,
            request.ExpiresOn,
            request.Deferral,
            polygon.Corners.Select(c => c.ToArray()).ToArray(),
            // The block's scale, where the pool recorded one, caps a mining licence's term (CN-SCALE).
            block.IntendedKind == RightKind.Mining && Enum.TryParse<Rights.MineScale>(block.MineScale, out var scale) ? scale : null), user, block.Id, ct);

        block.RightId = right.Id;
        block.Status = BlockStatus.Registered;
        block.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        block.Version++;
        contract.RightId = right.Id;
        contract.Version++;
        var holder = await db.Holders.AsNoTracking().SingleAsync(h => h.Id == contract.HolderId, ct);
        var holderName = $"{holder.NameZh} ({holder.NameEn})";
        await runtime.FollowSubjectAsync(BlockSubjectKind.Describe(block, holderName), ct);
        await runtime.SignalAsync(instance, Signal, user, $"registered as {right.LicenseNumber}", ct);
        await StartIncomeDutiesAsync(contract, block, right, holderName, today, user, ct);
        var clauses = await db.ContractClauses.AsNoTracking().Where(c => c.ContractId == contract.Id).ToListAsync(ct);
        runtime.Subjects.Remember(RightSubjectKind.Describe(right, holderName));
        await duties.StartAsync(right, contract, clauses, user, ct);
        await db.SaveChangesAsync(ct);
        await hold.CommitAsync(ct);
        return right;
    }

    private async Task StartIncomeDutiesAsync(TransferContract contract, TransferBlock block, MiningRight right, string holderName, DateOnly today, Actor user, CancellationToken ct)
    {
        var owed = await db.Installments.Where(i => i.ContractId == contract.Id).OrderBy(i => i.Sequence).ToListAsync(ct);
        string workflow;
        if (contract.Collection == IncomeCollection.Rate)
        {
            workflow = ByRateWorkflow;
            var due = policies.Parameters(block.CountyCode, contract.SignedOn);
            for (var year = right.RegisteredOn.Year; year <= right.ExpiresOn.Year && owed.Count < MaxDeclarationYears; year++)
            {
                var installment = new IncomeInstallment { ContractId = contract.Id, Sequence = owed.Count + 1, RevenueYear = year, DueOn = due.IncomeDeclarationDueIn(year + 1) };
                db.Installments.Add(installment);
                owed.Add(installment);
            }
        }
        else
        {
            // The first installment was the listing's own step before registration.
            workflow = ByAmountWorkflow;
            owed = owed.Where(i => i.Sequence > 1).ToList();
        }

        var definition = registry.ForChild(workflow, today);
        foreach (var installment in owed.Where(i => i.PaidOn is null))
        {
            runtime.Subjects.Remember(installments.Describe(installment, contract, block.Scope, holderName, right.LicenseNumber, []));
            var (zh, en) = installment.RevenueYear is { } year
                ? ($"{year}年度出让收益（按收益率）", $"the transfer income for {year} (by rate)")
                : ($"第{installment.Sequence}期出让收益 {Yuan.Zh(installment.Amount!.Value)}", $"installment {installment.Sequence} of transfer income, {Yuan.En(installment.Amount!.Value)}");
            await runtime.StartAsync(definition, new SubjectRef(InstallmentSubjectKind.Kind, installment.Id), user,
                new Dictionary<string, DateOnly> { ["dueOn"] = installment.DueOn },
                new Dictionary<string, string> { ["installmentZh"] = zh, ["installmentEn"] = en, ["contract"] = contract.Number }, ct);
        }
    }
}
