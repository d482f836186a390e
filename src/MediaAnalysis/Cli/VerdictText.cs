using System.Text.Json;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Cli;

// The panel verdict on stdout: a readable section after the answers, or a "verdict" object in --json.
public static class VerdictText
{
    public static void Write(ModelOutcome verdict, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(stdout);
        if (verdict is not ModelOutcome.Succeeded s || PanelVerdictJson.TryRead(s.Answer) is not { } document)
        {
            stdout.WriteLine("## Panel verdict");
            stdout.WriteLine(verdict is ModelOutcome.Failed f ? f.Reason : "The panel verdict could not be read.");
            return;
        }
        stdout.WriteLine($"## Panel verdict · {s.Model}");
        stdout.WriteLine(Format.Usage(s));
        Section(stdout, "Where they agree", document.Agreements.Select(a => $"- {a}"));
        Section(stdout, "Where they differ", document.Disagreements.Select(d =>
            $"- {d.Topic}" + string.Concat(d.Positions.Select(p => $"{Environment.NewLine}  - {p.Model}: {p.Text}"))));
        Section(stdout, "Only one noticed", document.UniquePoints.Select(u => $"- {u.Model}: {u.Text}"));
    }

    public static void WriteJson(ModelOutcome verdict, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName("verdict");
        json.WriteStartObject();
        json.WriteString("model", verdict.Model);
        json.WriteBoolean("ok", verdict is ModelOutcome.Succeeded);
        json.WriteNumber("seconds", Math.Round(verdict.Elapsed.TotalSeconds, 3));
        json.WriteNumber("calls", verdict.Attempts);
        if (verdict is ModelOutcome.Succeeded s)
        {
            json.WritePropertyName("document");
            json.WriteRawValue(s.Answer);
            if (s.Cost is { } cost) { json.WriteNumber("cost", cost); } else { json.WriteNull("cost"); }
        }
        else if (verdict is ModelOutcome.Failed f)
        {
            json.WriteString("error", f.Reason);
        }
        json.WriteEndObject();
    }

    private static void Section(TextWriter stdout, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }
        stdout.WriteLine();
        stdout.WriteLine($"### {title}");
        foreach (var line in list)
        {
            stdout.WriteLine(line);
        }
    }
}
