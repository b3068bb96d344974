using System.Globalization;

namespace MiningRights;

/// <summary>Money in yuan: <see cref="decimal"/>, two decimals, rounded half away from zero.</summary>
public static class Yuan
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    // Compared by value, so 1.100m (scale 3, but a whole number of fen) counts as cents; 1.001m does not.
    public static bool IsCents(decimal amount) => Math.Round(amount, 2) == amount;

    /// <summary>The largest amount a request may name: a trillion yuan, far above any transfer income.</summary>
    public const decimal Largest = 1_000_000_000_000m;

    /// <summary>An amount a request may name as a price or payment: more than 0, at most <see cref="Largest"/>, in fen.</summary>
    public static bool IsPayable([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] decimal? amount) =>
        amount is > 0 and <= Largest && IsCents(amount.Value);

    public static string Format(decimal amount)
    {
        var rounded = Round(amount);

        // A negative amount below half a fen rounds to a signed zero; "-0.00" would read as a debt.
        if (rounded == 0m)
        {
            rounded = 0m;
        }

        return rounded.ToString("#,0.00", CultureInfo.InvariantCulture);
    }

    public static string Zh(decimal amount) => $"{Format(amount)} 元";

    public static string En(decimal amount) => $"CNY {Format(amount)}";
}
