namespace MiningRights.Contracts;

/// <summary>How transfer income is collected (ZJ-27).</summary>
public enum IncomeCollection
{
    /// <summary>按金额: a fixed total in installments, the first at least 10% (ZJ-27b).</summary>
    Amount = 1,

    /// <summary>按收益率: a rate on each year's sales revenue, declared and paid year by year (ZJ-27a).</summary>
    Rate = 2,
}
