using System.Text.RegularExpressions;

namespace MiningRights.Web.Errors;

/// <summary>
/// What an error message repeats of the caller's input is there to help the caller find it, not to mirror it: a
/// value longer than a few dozen characters is cut, so a 10 MB field does not come back in a 10 MB answer.
/// </summary>
public static partial class EchoedText
{
    public const int MaxEcho = 64;

    /// <summary>No message the service writes on its own comes near this; anything longer carries echoed input.</summary>
    private const int MaxMessage = 2000;

    public static string Shorten(string value) => value.Length <= MaxEcho ? value : value[..MaxEcho] + "…";

    /// <summary>Cuts every quoted value and every unbroken run of text longer than <see cref="MaxEcho"/>, then the whole.</summary>
    public static string ShortenEchoes(string message)
    {
        if (message.Length <= MaxEcho)
        {
            return message;
        }

        var shortened = Quoted().Replace(message, m => m.Groups["q"].Value + Shorten(m.Groups["v"].Value) + m.Groups["q"].Value);
        shortened = Unbroken().Replace(shortened, m => Shorten(m.Value));
        return shortened.Length <= MaxMessage ? shortened : shortened[..MaxMessage] + "…";
    }

    [GeneratedRegex("""(?<q>['"])(?<v>[^'"]{65,})\k<q>""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\S{65,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Unbroken();
}
