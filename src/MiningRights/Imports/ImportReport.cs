namespace MiningRights.Imports;

/// <summary>What a dry run found or an import did: the counts, and each refused row's problems in both languages.</summary>
public sealed record ImportReport(
    string FileName,
    bool DryRun,
    int Rows,
    int New,
    int Updated,
    int Unchanged,
    int Refused,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<ImportedRight> Rights);

/// <summary>A row taken: the right's licence number, what became of it, and its id (none for a right a dry run would register).</summary>
public sealed record ImportedRight(int Row, string LicenseNumber, ImportOutcome Outcome, Guid? RightId);

/// <summary>What is wrong with one row: its row number as the spreadsheet shows it, the column (key), why, and the rule that refused it if one did.</summary>
public sealed record ImportProblem(int Row, string Column, string ColumnZh, string Message, string MessageZh, string? RuleId = null);
