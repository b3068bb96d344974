namespace MiningRights.Accounts;

public static class Roles
{
    public const string Authority = "Authority";
    public const string Inspector = "Inspector";
    public const string Holder = "Holder";
    public const string Admin = "Admin";

    public static readonly string[] All = [Authority, Inspector, Holder, Admin];
}
