namespace MiningRights.Accounts;

/// <summary>The 18-character unified social credit code (统一社会信用代码) and its check character, GB 32100-2015.</summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code) =>
        code is { Length: 18 } && CheckCharacter(code.AsSpan(0, 17)) is { } check && code[17] == check;

    /// <summary>Completes 17 characters with their check character (used to make demo and test data).</summary>
    public static string WithCheckCharacter(string first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }

        return first17 + (CheckCharacter(first17) ?? throw new ArgumentException($"'{first17}' holds a character not allowed in a credit code.", nameof(first17)));
    }

    /// <summary>The check character of the first 17 characters, or null when one of them is not allowed.</summary>
    private static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
