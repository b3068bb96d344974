using MiningRights.Rights;

namespace MiningRights.Cases;

/// <summary>A case with the right's whole history: the evidence an inspector works from.</summary>
public sealed record CaseDetail(CaseView Case, IReadOnlyList<HistoryEntry> History);
