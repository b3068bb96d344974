using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using MiningRights.Web.Errors;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Hosting;

public static class PageExtensions
{
    /// <summary>
    /// The Razor pages with what every page shares: the reader's language (<see cref="Ui"/>), the service's words for its
    /// own names (<see cref="Words"/>), Chinese written as text, and errors answered to a browser as pages.
    /// </summary>
    public static void AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new NulCharacterPageFilter()));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Ui>();
        builder.Services.AddScoped<Words>();

        // The default encoder writes every character outside Basic Latin as &#x...; (a page of 矿 as &#x77FF;): allow the
        // CJK ideographs, the CJK and full-width punctuation and the typographic quotes, dashes and symbols the pages use.
        // Markup characters (<, >, &, ', ") stay encoded whatever the ranges say.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.GeneralPunctuation, UnicodeRanges.SuperscriptsandSubscripts,
            UnicodeRanges.LetterlikeSymbols, UnicodeRanges.Arrows, UnicodeRanges.MathematicalOperators, UnicodeRanges.GeometricShapes,
            UnicodeRanges.CjkSymbolsandPunctuation, UnicodeRanges.CjkUnifiedIdeographs, UnicodeRanges.CjkUnifiedIdeographsExtensionA,
            UnicodeRanges.CjkCompatibilityIdeographs, UnicodeRanges.HalfwidthandFullwidthForms));

        // Ahead of the framework's JSON writer, which would also take a browser's "*/*": a browser gets a page.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<Microsoft.AspNetCore.Http.IProblemDetailsWriter, ErrorPageWriter>());
    }
}
