namespace MiningRights.Imports;

/// <summary>What an import did with a row that was not refused.</summary>
public enum ImportOutcome
{
    /// <summary>Registered (新立登记), with its holder where the holder was new.</summary>
    New,

    /// <summary>Already registered under its licence number; the fields an import may correct were changed.</summary>
    Updated,

    /// <summary>Already registered exactly as the row has it.</summary>
    Unchanged,
}
