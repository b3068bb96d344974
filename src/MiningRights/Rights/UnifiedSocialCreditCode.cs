namespace MiningRights.Rights;

/// <summary>The 18-character unified social credit code (统一社会信用代码) and its check character, GB 32100-2015.</summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }

            sum += value * Weights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return code[17] == Alphabet[check];
    }

    /// <summary>Completes 17 characters with their check character (used to make demo and test data).</summary>
    public static string WithCheckCharacter(string first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not allowed in a credit code.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return first17 + Alphabet[(31 - (sum % 31)) % 31];
    }
}
