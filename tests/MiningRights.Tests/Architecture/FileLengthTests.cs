namespace MiningRights.Tests.Architecture;

/// <summary>
/// A file that does one thing fits on a few screens: past 300 lines it has usually grown a second job. A file may stay
/// longer when a comment near its top says why, so that the length is a decision someone wrote down.
/// </summary>
public sealed class FileLengthTests
{
    private const int MostLines = 300;
    private const int ReasonWithin = 15;
    private const string ReasonWords = "longer than 300 lines because";

    // Generated (EF migrations, build output) or not ours (the web assets' packages, linked into the worktree).
    private static readonly string[] Skipped = ["Migrations", "obj", "bin", "node_modules"];

    [Fact]
    public void No_file_in_src_is_longer_than_300_lines_without_a_reason()
    {
        var root = RepositoryRoot();
        var tooLong = CodeFiles(Path.Combine(root, "src"))
            .Select(path => (Path: path, Lines: File.ReadAllLines(path)))
            .Where(file => file.Lines.Length > MostLines && !GivesReason(file.Lines))
            .Select(file => $"{Path.GetRelativePath(root, file.Path).Replace('\\', '/')}: {file.Lines.Length} lines")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(tooLong.Count == 0,
            $"These files are longer than {MostLines} lines: split them along their seams, or say in a comment in their first " +
            $"{ReasonWithin} lines why not (\"// This file is {ReasonWords} ...\").\n" + string.Join("\n", tooLong));
    }

    [Theory]
    [InlineData("// This file is longer than 300 lines because the state machine reads best in one place.")]
    [InlineData("/* Longer than 300 lines because its cases are one table. */")]
    [InlineData(" * longer than 300 lines because every rule is listed")]
    public void A_comment_near_the_top_with_a_reason_excuses_a_long_file(string comment)
    {
        string[] lines = ["using System;", "", comment, "namespace Example;"];
        Assert.True(GivesReason(lines));
    }

    [Theory]
    [InlineData("// This file is longer than 300 lines because")]
    [InlineData("var text = \"longer than 300 lines because it must be\";")]
    [InlineData("// long, but that is fine")]
    public void A_comment_without_a_reason_or_a_reason_outside_a_comment_does_not(string line)
    {
        string[] lines = ["using System;", line, "namespace Example;"];
        Assert.False(GivesReason(lines));
    }

    [Fact]
    public void A_reason_below_the_top_of_the_file_does_not_count()
    {
        var lines = Enumerable.Repeat("", ReasonWithin).Append("// longer than 300 lines because it is a table").ToArray();
        Assert.False(GivesReason(lines));
    }

    private static bool GivesReason(IReadOnlyList<string> lines) =>
        lines.Take(ReasonWithin).Select(line => line.Trim()).Any(line =>
            (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("/*", StringComparison.Ordinal) || line.StartsWith('*'))
            && line.IndexOf(ReasonWords, StringComparison.OrdinalIgnoreCase) is var at and >= 0
            && line[(at + ReasonWords.Length)..].Any(char.IsLetter));

    private static IEnumerable<string> CodeFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs"))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory).Where(d => !Skipped.Contains(Path.GetFileName(d))))
        {
            foreach (var file in CodeFiles(child))
            {
                yield return file;
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MiningRights.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds MiningRights.sln.");
    }
}
