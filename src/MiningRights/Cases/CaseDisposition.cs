namespace MiningRights.Cases;

/// <summary>How the registration authority disposes of a breach (处置, GS-10d).</summary>
public enum CaseDisposition
{
    /// <summary>整改到位，结案</summary>
    Rectified = 1,

    /// <summary>按合同收取违约金</summary>
    LiquidatedDamages = 2,

    /// <summary>暂停勘查开采</summary>
    Suspension = 3,

    /// <summary>收回矿业权</summary>
    Withdrawal = 4,
}
