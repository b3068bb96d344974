namespace MiningRights.Notifications;

/// <summary>Configuration section <c>Smtp</c>. With no <see cref="Host"/>, mail is written as .eml files to the data folder's mail/.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>Upgrade the connection with STARTTLS.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "noreply@miningrights.local";

    public string FromName { get; set; } = "矿业权管理系统 Mining Rights Service";

    public int TimeoutSeconds { get; set; } = 30;
}
