using MiningRights.Accounts;
using MiningRights.Rights;

namespace MiningRights.Tests.Rights;

public sealed class UnifiedSocialCreditCodeTests
{
    private const string Valid = "91350100M000100Y43";

    [Fact]
    public void A_published_code_with_its_check_character_is_valid()
    {
        Assert.True(UnifiedSocialCreditCode.IsValid(Valid));
    }

    [Theory]
    [InlineData('0')]
    [InlineData('2')]
    [InlineData('4')]
    [InlineData('Y')]
    public void Any_other_check_character_makes_the_code_invalid(char check)
    {
        Assert.False(UnifiedSocialCreditCode.IsValid(Valid[..17] + check));
    }

    [Fact]
    public void A_changed_body_character_no_longer_matches_the_check_character()
    {
        Assert.False(UnifiedSocialCreditCode.IsValid("91350100M000100Y53"));
    }

    [Fact]
    public void Lower_case_letters_are_invalid()
    {
        Assert.False(UnifiedSocialCreditCode.IsValid("91350100m000100y43"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y430")]
    public void A_code_that_is_not_18_characters_is_invalid(string code)
    {
        Assert.False(UnifiedSocialCreditCode.IsValid(code));
    }

    [Fact]
    public void Null_is_invalid()
    {
        Assert.False(UnifiedSocialCreditCode.IsValid(null));
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    public void Letters_outside_the_GB_32100_alphabet_are_invalid(char letter)
    {
        var first17 = "91350100" + letter + "000100Y4";

        Assert.False(UnifiedSocialCreditCode.IsValid(first17 + "3"));
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.WithCheckCharacter(first17));
    }

    [Fact]
    public void The_check_character_of_a_known_code_is_computed_back()
    {
        Assert.Equal(Valid, UnifiedSocialCreditCode.WithCheckCharacter(Valid[..17]));
    }

    [Theory]
    [InlineData("91620100MA7XYW123")]
    [InlineData("91330000000000000")]
    [InlineData("12100000400000398")]
    public void A_completed_code_is_valid(string first17)
    {
        var code = UnifiedSocialCreditCode.WithCheckCharacter(first17);

        Assert.Equal(18, code.Length);
        Assert.StartsWith(first17, code, StringComparison.Ordinal);
        Assert.True(UnifiedSocialCreditCode.IsValid(code));
    }

    [Fact]
    public void Completing_needs_exactly_17_characters()
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.WithCheckCharacter(Valid));
    }
}
