using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Cases;

/// <summary>
/// A case with what an inspector works from: the process that opened it (<see cref="Source"/>: for a breach, the
/// obligation with its clause, rule and due date, and every report and decision on it with the values it carried), the
/// case's own workflow (<see cref="Process"/>: findings, orders, escalation, disposition) and the right's whole history.
/// </summary>
public sealed record CaseDetail(CaseView Case, InstanceView Source, InstanceView? Process, IReadOnlyList<HistoryEntry> History);
