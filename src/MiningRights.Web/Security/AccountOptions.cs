namespace MiningRights.Web.Security;

/// <summary>
/// Configuration section <c>Accounts</c>: how sign-ins are throttled and paused, and how long a session lives. The
/// first administrator's name and password are read from the same section at start (see <c>DatabaseStartup</c>).
/// </summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// Wrong passwords for one user name from one address before sign-ins for that name from that address pause; also
    /// the wrong current passwords on a password change before the account itself locks (the caller holds its session).
    /// </summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long such a pause (or a password-change lock) lasts.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts one address may make in a window, whatever the names.</summary>
    public int SignInsPerAddress { get; set; } = 10;

    /// <summary>
    /// Sign-in attempts one user name may receive in a window, whatever the addresses. Above <see cref="SignInsPerAddress"/>,
    /// so that one address alone never uses up a name's attempts and the real user, elsewhere, still gets in.
    /// </summary>
    public int SignInsPerUserName { get; set; } = 30;

    public int SignInWindowSeconds { get; set; } = 60;

    public int TokenHours { get; set; } = 8;

    /// <summary>A sign-in cookie of an Authority, Inspector or Admin dies after this long without a request.</summary>
    public int OfficerIdleMinutes { get; set; } = 30;

    /// <summary>A holder's sign-in cookie dies after this long without a request.</summary>
    public int HolderIdleMinutes { get; set; } = 60;
}
