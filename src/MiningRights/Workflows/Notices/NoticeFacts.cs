namespace MiningRights.Workflows;

/// <summary>The facts every notice states: which right, what is due, when, how long is left, and under which rule.</summary>
public sealed record NoticeFacts(
    string LicenseNumber,
    string ProjectName,
    string HolderName,
    string? WhatZh,
    string? WhatEn,
    DateOnly? DueOn,
    int? DaysLeft,
    Policies.Citation Citation,
    string StatusZh,
    string StatusEn,
    IReadOnlyList<NoticeLine>? Lines = null);
