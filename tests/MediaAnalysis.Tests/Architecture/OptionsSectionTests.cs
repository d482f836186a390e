using System.Reflection;
using MediaAnalysis.Configuration;

namespace MediaAnalysis.Tests.Architecture;

// One configuration section, one options type: a section read through two types (Limits once was, by the spend
// checks, the settings and the questions) is bound and validated twice and drifts apart.
public sealed class OptionsSectionTests
{
    [Fact]
    public void Each_configuration_section_is_bound_by_one_options_type()
    {
        var sections = typeof(IValidatedOptions).Assembly.GetTypes()
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Field is { IsLiteral: true } && t.Field.FieldType == typeof(string))
            .Select(t => (t.Type, Section: (string)t.Field!.GetRawConstantValue()!))
            .ToList();

        Assert.Contains(sections, s => s.Type == typeof(LimitsOptions) && s.Section == "Limits");
        var shared = sections.GroupBy(s => s.Section, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Type.FullName))}").ToList();
        Assert.True(shared.Count == 0, string.Join(Environment.NewLine, shared));
    }
}
