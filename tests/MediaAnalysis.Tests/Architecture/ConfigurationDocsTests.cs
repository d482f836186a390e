using System.Text.Json;
using System.Text.RegularExpressions;

namespace MediaAnalysis.Tests.Architecture;

// Operators upgrade by reading the README: every key appsettings.sample.json shows is in the README's configuration
// table, and every key the table lists is in the sample.
public sealed partial class ConfigurationDocsTests
{
    [Fact]
    public void Every_sample_key_is_in_the_readme_and_every_readme_key_in_the_sample()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("appsettings.sample.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var sampleKeys = new List<string>();
        Flatten(sample.RootElement, "", sampleKeys);
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        // A row's first cell names its key or keys: | `Discord:MaxAttempts`, `Discord:RetryBaseDelay` | default | meaning |
        var tableKeys = TableRow().Matches(readme).SelectMany(row => Key().Matches(row.Groups[1].Value).Select(k => k.Groups[1].Value)).ToHashSet();

        Assert.True(sampleKeys.Count > 50, $"only {sampleKeys.Count} keys read from the sample");
        var notInReadme = sampleKeys.Where(k => !tableKeys.Contains(k)).ToList();
        Assert.True(notInReadme.Count == 0, "in appsettings.sample.json, not in README's table: " + string.Join(", ", notInReadme));
        var notInSample = tableKeys.Where(k => !sampleKeys.Contains(k) && !sampleKeys.Any(s => s.StartsWith(k + ":", StringComparison.Ordinal)))
            .Where(k => k != "Queue:MaxPendingPerGuild") // the old name, still read, documented beside the new one
            .ToList();
        Assert.True(notInSample.Count == 0, "in README's table, not in appsettings.sample.json: " + string.Join(", ", notInSample));
    }

    // Sections are walked; a value or an array (a list such as Analysis:Models) is one key.
    private static void Flatten(JsonElement element, string prefix, List<string> keys)
    {
        foreach (var property in element.EnumerateObject().Where(p => p.Name != "//")) // the file's own comment
        {
            var key = prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().Any())
            {
                Flatten(property.Value, key, keys);
            }
            else
            {
                keys.Add(key);
            }
        }
    }

    [GeneratedRegex(@"^\|([^|\n]*)\|[^\n]*\|[^\n]*\|[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]*:[A-Za-z0-9:]+)`")]
    private static partial Regex Key();
}
