namespace MiningRights.Contracts;

/// <summary>What a performance clause binds the holder to (GS-10a, GS-10c, GS-11).</summary>
public enum ClauseKind
{
    /// <summary>Minimum exploration investment (勘查资金投入).</summary>
    Investment = 1,

    /// <summary>Exploration progress (勘查进度).</summary>
    Progress = 2,

    /// <summary>Results report (成果报告).</summary>
    ResultsReport = 3,

    /// <summary>Geological data submission (地质资料汇交).</summary>
    GeologicalData = 4,

    /// <summary>Mine construction start or completion.</summary>
    Construction = 5,

    /// <summary>Green mine (绿色矿山).</summary>
    GreenMine = 6,

    /// <summary>Deep processing (精深加工).</summary>
    DeepProcessing = 7,

    Other = 8,
}
