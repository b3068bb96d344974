namespace MiningRights.Workflows;

/// <summary>A fact of its own that a subject states in every notice about it (an amount owed, a late charge), in both languages.</summary>
public sealed record NoticeLine(string LabelZh, string LabelEn, string ValueZh, string ValueEn);
