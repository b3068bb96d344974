namespace MiningRights.Storage;

/// <summary>
/// What an uploaded file really is, read from its first bytes rather than from the name or the content type the client
/// sent: a PDF starts with <c>%PDF-</c>, a .docx, an .ofd (GB/T 33190) and a .zip are ZIP containers starting with
/// <c>PK 03 04</c>, a .doc is an OLE2 compound file starting with <c>D0 CF 11 E0 A1 B1 1A E1</c>, a JPEG starts with
/// <c>FF D8 FF</c> and a PNG with <c>89 'PNG' 0D 0A 1A 0A</c>. A file whose bytes are not what its extension says is
/// refused, so that nothing is stored or served under a false type.
/// </summary>
public static class DocumentContent
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeadLength = 1024;

    /// <summary>Served for a stored file that is none of the known kinds (stored before the check existed).</summary>
    public const string Unknown = "application/octet-stream";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Dictionary<string, (string ContentType, string Description, byte[] Magic)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "a PDF document", Pdf),
        [".doc"] = ("application/msword", "a Word 97–2003 document", Ole2),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document", Zip),
        [".ofd"] = ("application/ofd", "an OFD document", Zip),
        [".zip"] = ("application/zip", "a ZIP archive", Zip),
        [".jpg"] = ("image/jpeg", "a JPEG picture", Jpeg),
        [".jpeg"] = ("image/jpeg", "a JPEG picture", Jpeg),
        [".png"] = ("image/png", "a PNG picture", Png),
    };

    private static readonly string[] Documents = [".pdf", ".doc", ".docx", ".ofd", ".zip"];
    private static readonly string[] DocumentsAndPictures = [.. Documents, ".jpg", ".jpeg", ".png"];

    /// <summary>The file extensions, with their dot, that a file of <paramref name="area"/> may have.</summary>
    public static IReadOnlyList<string> Extensions(DocumentArea area) => area == DocumentArea.Plans ? Documents : DocumentsAndPictures;

    /// <summary>Whether a file called <paramref name="fileName"/> may be kept in <paramref name="area"/>.</summary>
    public static bool Allowed(DocumentArea area, string fileName) =>
        Extensions(area).Contains(Path.GetExtension(fileName).ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>
    /// The content type of a file called <paramref name="fileName"/> whose first bytes are <paramref name="head"/>
    /// (at least <see cref="HeadLength"/> of them when the file is that long), or null when the bytes are not what
    /// the extension says or the extension is not one of <see cref="Extensions(DocumentArea)"/>.
    /// </summary>
    public static string? Detect(string fileName, ReadOnlySpan<byte> head)
    {
        if (!Kinds.TryGetValue(Path.GetExtension(fileName), out var kind))
        {
            return null;
        }

        // Readers accept a PDF header anywhere in the first kilobyte (some scanners write a preamble); the
        // containers must start with their signature.
        var matches = kind.Magic == Pdf
            ? head[..Math.Min(head.Length, HeadLength)].IndexOf(Pdf) >= 0
            : head.StartsWith(kind.Magic);
        return matches ? kind.ContentType : null;
    }

    /// <summary>What a file with this extension should be, in words, for a refusal.</summary>
    public static string Describe(string fileName) =>
        Kinds.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind.Description : "a document";
}
