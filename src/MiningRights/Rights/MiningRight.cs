namespace MiningRights.Rights;

/// <summary>An exploration right (探矿权) or a mining right (采矿权) with its licence.</summary>
public sealed class MiningRight
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>Permanent licence number from the national unified numbering system.</summary>
    public required string LicenseNumber { get; init; }

    public required RightKind Kind { get; init; }

    public required Guid HolderId { get; init; }

    public required string ProjectName { get; set; }

    /// <summary>Minerals (矿种), comma separated, e.g. "金,铜".</summary>
    public required string Minerals { get; set; }

    public decimal AreaKm2 { get; set; }

    public required string LocationCountyCode { get; init; }

    public required string AuthorityCode { get; init; }

    public required TransferMode TransferMode { get; init; }

    /// <summary>空白区: exploration rights only.</summary>
    public bool BlankArea { get; init; }

    public DateOnly RegisteredOn { get; init; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly ExpiresOn { get; set; }

    public RightStatus Status { get; set; } = RightStatus.Active;

    /// <summary>The rule under which the current licence is provisional (GS-9e), if it is.</summary>
    public string? ProvisionalRuleId { get; set; }

    /// <summary>Mine service life in years, once settled by an approved plan (服务年限).</summary>
    public int? ServiceLifeYears { get; set; }

    public string? MiningMethod { get; set; }

    public string? MineScale { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime UpdatedAtUtc { get; set; }

    public bool IsPubliclyTransferred => TransferMode is not TransferMode.Agreement;

    /// <summary>What a rule asks of the right to tell whether it applies: place, kind, transfer mode, blank area, minerals.</summary>
    public Policies.RuleSubject Scope => new(LocationCountyCode, Kind == RightKind.Exploration ? "exploration" : "mining",
        TransferMode.ToString().ToLowerInvariant(), BlankArea, Minerals.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    public string ProvinceCode => LocationCountyCode[..2] + "0000";
}
