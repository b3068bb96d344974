using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Contracts;

/// <summary>The tables this feature keeps, read as <c>db.Contracts</c>: the database context itself names no feature.</summary>
public static class ContractsTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<TransferContract> Contracts => db.Set<TransferContract>();

        public DbSet<ContractClause> ContractClauses => db.Set<ContractClause>();

        public DbSet<IncomeInstallment> Installments => db.Set<IncomeInstallment>();

        public DbSet<IncomePayment> Payments => db.Set<IncomePayment>();

        public DbSet<ContractAmendment> Amendments => db.Set<ContractAmendment>();
    }
}
