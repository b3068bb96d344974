namespace MiningRights.Workflows;

/// <summary>Who a definition may address a notice or a reminder to; the notifications feature resolves each to people.</summary>
public static class NoticeAudiences
{
    public const string Holder = "holder";

    public static readonly IReadOnlyList<string> All = [Holder, "inspectors", "authority", "location"];
}
