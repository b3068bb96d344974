namespace MiningRights.Accounts;

/// <summary>
/// The longest values an account accepts. Identity itself sets no upper bound, and a password is hashed before
/// anything else looks at it: without a bound a caller could make every sign-in hash megabytes.
/// </summary>
public static class AccountLimits
{
    public const int UserName = 64;
    public const int Password = 128;
    public const int DisplayName = 100;

    /// <summary>RFC 5321: a forward path is at most 256 octets, the address itself 254.</summary>
    public const int Email = 254;
}
