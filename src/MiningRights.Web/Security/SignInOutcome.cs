namespace MiningRights.Web.Security;

/// <summary>What became of a sign-in; <see cref="RetryAfter"/> is how long a throttled caller should wait.</summary>
public sealed record SignInOutcome(SignInVerdict Verdict, TimeSpan RetryAfter = default)
{
    public static SignInOutcome SignedIn { get; } = new(SignInVerdict.SignedIn);

    public static SignInOutcome Refused { get; } = new(SignInVerdict.Refused);

    /// <summary>Whole seconds, at least one, as the <c>Retry-After</c> header gives them.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
