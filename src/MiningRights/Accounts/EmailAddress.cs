using MimeKit;

namespace MiningRights.Accounts;

/// <summary>Email addresses as typed in by people, checked by the same parser that later writes them into notices.</summary>
public static class EmailAddress
{
    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
    };

    /// <summary>
    /// True when <paramref name="text"/> is one mailbox (an address, possibly with a display name);
    /// <paramref name="address"/> is then its bare address.
    /// </summary>
    public static bool TryParse(string text, out string address)
    {
        address = string.Empty;
        if (!MailboxAddress.TryParse(Strict, text, out var mailbox) || string.IsNullOrEmpty(mailbox.Domain))
        {
            return false;
        }

        address = mailbox.Address;
        return true;
    }
}
