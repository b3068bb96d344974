using System.Net.Sockets;
using System.Net;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Web.Security;

/// <summary>
/// Keeps password guessing slow without giving a stranger the power to lock someone else out. Two fixed-window rate
/// limiters of ASP.NET Core (System.Threading.RateLimiting), chained: one per address and one per user name. Then, in
/// place of Identity's lockout of the account itself, a pause per user name <em>and</em> address after repeated wrong
/// passwords: a stranger's failures pause only the stranger's own address, so the real user elsewhere still signs in.
/// Everything is kept in this process's memory: with several nodes each node counts on its own.
/// </summary>
public sealed class SignInGuard : IDisposable
{
    /// <summary>Below this many remembered failures nothing is purged; above it, stale ones are dropped now and then.</summary>
    private const int PurgeFloor = 10_000;

    /// <summary>Hashed against when there is no real hash to check (an unknown or locked account), so every refusal costs one hash.</summary>
    private static readonly ApplicationUser Nobody = new();

    private readonly PartitionedRateLimiter<Attempt> _byAddress;
    private readonly PartitionedRateLimiter<Attempt> _byName;
    private readonly PartitionedRateLimiter<Attempt> _limiter;
    private readonly TimeSpan _window;
    private readonly TimeSpan _pause;
    private readonly int _maxFailures;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Name, string Address), Failures> _failures = [];
    private int _purgeAbove = PurgeFloor;
    private string? _dummyHash;

    public SignInGuard(IOptions<AccountOptions> options, TimeProvider time)
    {
        var accounts = options.Value;
        _window = TimeSpan.FromSeconds(accounts.SignInWindowSeconds);
        _pause = TimeSpan.FromMinutes(accounts.LockoutMinutes);
        _maxFailures = accounts.MaxFailedLogins;
        _time = time;
        _byAddress = PartitionedRateLimiter.Create<Attempt, string>(a => RateLimitPartition.GetFixedWindowLimiter(a.Address, _ => Window(accounts.SignInsPerAddress)));
        _byName = PartitionedRateLimiter.Create<Attempt, string>(a => RateLimitPartition.GetFixedWindowLimiter(a.Name, _ => Window(accounts.SignInsPerUserName)));

        // The address first: an address over its own limit is refused there and spends none of the name's attempts, so
        // one stranger cannot use up the attempts of a name the real user signs in with.
        _limiter = PartitionedRateLimiter.CreateChained(_byAddress, _byName);
    }

    /// <summary>
    /// The address attempts are counted under: IPv4 as it is, IPv6 by its /64, since one subscriber usually holds a
    /// whole /64 and could otherwise rotate through more addresses than any table holds.
    /// </summary>
    public static string AddressOf(IPAddress? remote)
    {
        if (remote is null)
        {
            return "unknown";
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        if (remote.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return remote.ToString();
        }

        var bytes = remote.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Null when the attempt may go on; otherwise how long the caller should wait (the window's length).</summary>
    public TimeSpan? Throttle(string address, string normalizedName)
    {
        using var lease = _limiter.AttemptAcquire(new Attempt(address, normalizedName));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _window;
    }

    /// <summary>
    /// Whether a password may be checked for this name from this address, counting the check before it is made (so
    /// that a burst sent at once gets no more checks than one sent in turn). The check that reaches the limit starts the
    /// pause; a successful sign-in clears the count (<see cref="Succeeded"/>).
    /// </summary>
    public bool TryBeginCheck(string normalizedName, string address)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var key = (normalizedName, address);
            if (_failures.TryGetValue(key, out var failures) && failures.PausedUntil > now)
            {
                return false;
            }

            if (failures is null || failures.IsOver(now, _pause))
            {
                failures = new Failures();
                _failures[key] = failures;
                PurgeWhenLarge(now);
            }

            failures.Count++;
            failures.LastAt = now;
            if (failures.Count >= _maxFailures)
            {
                failures.PausedUntil = now + _pause;
            }

            return true;
        }
    }

    public void Succeeded(string normalizedName, string address)
    {
        lock (_gate)
        {
            _failures.Remove((normalizedName, address));
        }
    }

    /// <summary>Checks the password against a fixed hash made once, at the same cost as a real account's, and fails.</summary>
    public void CheckAgainstNobody(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _dummyHash, () => hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _byName.Dispose();
        _byAddress.Dispose();
    }

    private FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = _window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>Drops what no longer pauses anyone, once the table has doubled since the last purge.</summary>
    private void PurgeWhenLarge(DateTimeOffset now)
    {
        if (_failures.Count <= _purgeAbove)
        {
            return;
        }

        foreach (var key in _failures.Where(f => f.Value.IsOver(now, _pause)).Select(f => f.Key).ToList())
        {
            _failures.Remove(key);
        }

        _purgeAbove = Math.Max(PurgeFloor, _failures.Count * 2);
    }

    private readonly record struct Attempt(string Address, string Name);

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset LastAt { get; set; }

        public DateTimeOffset? PausedUntil { get; set; }

        /// <summary>A pause that has ended, or failures that stopped long enough ago to be forgiven.</summary>
        public bool IsOver(DateTimeOffset now, TimeSpan pause) =>
            PausedUntil is { } until ? until <= now : LastAt + pause <= now;
    }
}
