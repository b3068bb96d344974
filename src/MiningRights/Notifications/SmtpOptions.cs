using MailKit.Security;

namespace MiningRights.Notifications;

/// <summary>Configuration section <c>Smtp</c>: the mail server notices are sent through (none: the pickup folder).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>The mail server; empty: notices are written as <c>.eml</c> files to the pickup folder instead.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>
    /// How the connection is secured, as MailKit names it: <c>None</c> (plain), <c>StartTls</c> (upgrade with STARTTLS,
    /// refuse a server that cannot), <c>StartTlsWhenAvailable</c> (upgrade when offered), <c>SslOnConnect</c> (TLS from
    /// the first byte, usually port 465) or <c>Auto</c> (TLS on port 465, otherwise STARTTLS when offered). Unset: what
    /// <see cref="EnableSsl"/> says.
    /// </summary>
    public SecureSocketOptions? Security { get; set; }

    /// <summary>The older switch, kept so that existing configuration means what it meant: true is <c>StartTls</c>, false (the default) <c>None</c>. <see cref="Security"/> wins when set.</summary>
    public bool EnableSsl { get; set; }

    /// <summary>Signs in to the mail server with <see cref="Password"/> when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "noreply@miningrights.local";

    public string FromName { get; set; } = "矿业权管理系统 Mining Rights Service";

    /// <summary>How long one connect, command or message may take before the attempt fails (and is retried).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The security in force: <see cref="Security"/>, or what <see cref="EnableSsl"/> stands for.</summary>
    public SecureSocketOptions EffectiveSecurity => Security ?? (EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None);
}
