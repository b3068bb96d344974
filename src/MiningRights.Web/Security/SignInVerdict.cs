namespace MiningRights.Web.Security;

public enum SignInVerdict
{
    SignedIn,

    /// <summary>Wrong password, unknown user, locked account or a paused address: one answer for all, so none can be told apart.</summary>
    Refused,

    /// <summary>Too many attempts from the address or for the user name in the current window: 429, try again later.</summary>
    Throttled,
}
