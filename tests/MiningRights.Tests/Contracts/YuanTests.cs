using System.Globalization;
using MiningRights.Contracts;

namespace MiningRights.Tests.Contracts;

public sealed class YuanTests
{
    // Amounts are given as text: a decimal literal cannot be an attribute argument, and a double would defeat the point.
    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("2.675", "2.68")]
    [InlineData("2.665", "2.67")]
    [InlineData("1.004", "1.00")]
    [InlineData("-1.006", "-1.01")]
    [InlineData("7", "7.00")]
    public void Rounding_to_the_fen_goes_half_away_from_zero(string amount, string expected)
    {
        Assert.Equal(D(expected), Yuan.Round(D(amount)));
    }

    [Theory]
    [InlineData("1.10", true)]
    [InlineData("1.1", true)]
    [InlineData("1", true)]
    [InlineData("1.100", true)]
    [InlineData("-0.01", true)]
    [InlineData("1.001", false)]
    [InlineData("0.005", false)]
    public void An_amount_is_in_cents_when_it_has_at_most_two_decimals(string amount, bool expected)
    {
        Assert.Equal(expected, Yuan.IsCents(D(amount)));
    }

    [Theory]
    [InlineData("0", "0.00")]
    [InlineData("999.5", "999.50")]
    [InlineData("1234567.891", "1,234,567.89")]
    [InlineData("1234567.895", "1,234,567.90")]
    [InlineData("-1234.5", "-1,234.50")]
    [InlineData("-1234567.891", "-1,234,567.89")]
    [InlineData("-0.004", "0.00")]
    public void Amounts_are_written_with_thousands_separators_and_two_decimals(string amount, string expected)
    {
        Assert.Equal(expected, Yuan.Format(D(amount)));
    }

    [Fact]
    public void Amounts_are_written_the_same_whatever_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("1,234,567.89", Yuan.Format(1234567.89m));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Chinese_text_puts_yuan_after_the_amount_and_English_text_puts_CNY_before_it()
    {
        Assert.Equal("1,234,567.89 元", Yuan.Zh(1234567.89m));
        Assert.Equal("CNY 1,234,567.89", Yuan.En(1234567.89m));
        Assert.Equal("CNY -1,234.50", Yuan.En(-1234.5m));
    }
}
