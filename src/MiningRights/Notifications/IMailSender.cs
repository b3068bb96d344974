namespace MiningRights.Notifications;

/// <summary>Opens sessions with the mail server. Each delivery worker holds one session and sends through it one notice after another.</summary>
public interface IMailSender
{
    IMailSession OpenSession();
}
