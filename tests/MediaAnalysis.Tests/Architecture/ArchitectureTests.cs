
namespace MediaAnalysis.Tests.Architecture;

// The areas (top-level namespaces under MediaAnalysis) and what each may use. A reference outside these
// lists, in a signature or a method body, fails the test; so does a circle between areas.
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Jobs"] = [],
        ["Configuration"] = [],
        ["Http"] = [],
        ["Markup"] = [],
        ["Pipeline"] = ["Jobs", "Configuration", "Http"],
        ["Storage"] = ["Jobs", "Configuration"],
        ["Diagnostics"] = ["Jobs", "Storage", "Configuration"],
        ["Spend"] = ["Jobs", "Storage", "Pipeline", "Diagnostics", "Configuration"],
        // A server's own settings (prompts, models, limits, access) within the operator's configuration.
        ["Settings"] = ["Jobs", "Storage", "Pipeline", "Configuration"],
        ["Queue"] = ["Jobs", "Storage", "Pipeline", "Diagnostics", "Configuration", "Spend", "Settings"],
        ["Chat"] = ["Jobs", "Queue", "Diagnostics", "Configuration", "Http", "Markup", "Spend", "Settings"],
        ["Lifecycle"] = ["Jobs", "Storage", "Queue", "Diagnostics", "Configuration"],
        ["Web"] = ["Jobs", "Storage", "Configuration", "Diagnostics", "Markup", "Pipeline"],
        // The composition root.
        ["Cli"] = ["Jobs", "Configuration", "Http", "Pipeline", "Storage", "Diagnostics", "Queue", "Chat", "Lifecycle", "Markup", "Web", "Spend", "Settings"],
    };

    private static readonly Type[] Types = typeof(MediaAnalysis.Cli.CommandLine).Assembly.GetTypes();

    [Fact]
    public void Every_area_is_known()
    {
        var unknown = Types.Select(Area).OfType<string>().Distinct().Where(a => !Allowed.ContainsKey(a)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Each_area_uses_only_what_it_is_allowed_to()
    {
        var forbidden = new List<string>();
        foreach (var type in Types)
        {
            if (Area(type) is not { } area)
            {
                continue;
            }
            foreach (var used in TypeReferences.Of(type))
            {
                if (Area(used) is { } other && other != area && !Allowed[area].Contains(other))
                {
                    forbidden.Add($"{type.FullName} ({area}) uses {used.FullName} ({other})");
                }
            }
        }
        Assert.True(forbidden.Count == 0, string.Join(Environment.NewLine, forbidden.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_allowed_dependencies_have_no_circle()
    {
        foreach (var start in Allowed.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var next = new Stack<string>(Allowed[start]);
            while (next.TryPop(out var area))
            {
                Assert.NotEqual(start, area);
                if (seen.Add(area))
                {
                    foreach (var below in Allowed[area])
                    {
                        next.Push(below);
                    }
                }
            }
        }
    }

    [Fact]
    public void The_scan_sees_references_in_method_bodies()
    {
        // JobQueue names ReplyContexts in no signature, only in a call inside a method body.
        var used = TypeReferences.Of(typeof(MediaAnalysis.Queue.JobQueue)).Select(t => t.FullName).ToList();
        Assert.Contains("MediaAnalysis.Queue.ReplyContexts", used);
    }

    // "MediaAnalysis.Chat.Slack.SlackReplier" → "Chat"; the root namespace (Program) and others → null.
    private static string? Area(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith("MediaAnalysis.", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = ns["MediaAnalysis.".Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }
}
