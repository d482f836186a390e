
namespace MediaAnalysis.Tests.Architecture;

// Issue 11: no class of the app over 300 lines, its partial files counted together. One type per file, so a
// class is its file plus the files named after it with a role (SlackApiClient.cs, SlackApiClient.Lookups.cs).
public sealed class ClassSizeTests
{
    private const int MaxLines = 300;

    [Fact]
    public void No_class_is_over_300_lines_across_its_partial_files()
    {
        var source = RepositoryFiles.Path("src", "MediaAnalysis");
        var sizes = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(source, f))
            .GroupBy(f => Path.Combine(Path.GetDirectoryName(f)!, Path.GetFileName(f).Split('.')[0]), StringComparer.Ordinal)
            .Select(g => (Class: Path.GetRelativePath(source, g.Key), Lines: g.Sum(f => File.ReadLines(f).Count())))
            .ToList();

        Assert.NotEmpty(sizes);
        var tooLong = sizes.Where(s => s.Lines > MaxLines).Select(s => $"{s.Class}: {s.Lines} lines").Order(StringComparer.Ordinal).ToList();
        Assert.True(tooLong.Count == 0, string.Join(Environment.NewLine, tooLong));
    }

    private static bool IsBuildOutput(string source, string file)
    {
        var first = Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }
}
