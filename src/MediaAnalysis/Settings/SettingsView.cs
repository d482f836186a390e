using System.Globalization;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Settings;

// Every setting with its value and where it comes from, for `show` on either platform. Long prompts are clipped
// (the prompts modal holds the full text); role and channel ids are shown as Discord and Slack write mentions.
public static class SettingsView
{
    public const int PromptShown = 160;

    public static IReadOnlyList<SettingLine> Lines(TenantSettings s, SettingsRules rules, bool withRoles)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(rules);
        var lines = new List<SettingLine>();
        if (s.Prompts is { Count: > 0 } prompts)
        {
            lines.AddRange(prompts.Select((p, i) => new SettingLine($"Prompt {i + 1}: {p.Name}", Clip(p.Instructions), true)));
        }
        else
        {
            // As the prompts modal starts from them: without the formatting rules the bot adds to every prompt.
            lines.AddRange(rules.StartingPrompts.Select((p, i) => new SettingLine($"Prompt {i + 1}: {p.Name}", Clip(p.Instructions), false)));
        }
        lines.Add(new("Models", string.Join(", ", s.Models ?? rules.OperatorModels), s.Models is not null));
        lines.Add(new("Answer language", s.AnswerLanguage is { } code ? $"{SpeechLanguages.NameOf(code)} ({code})" : "the language of the speech", s.AnswerLanguage is not null));
        lines.Add(new("Glossary", s.Glossary is { Count: > 0 } g ? Clip(string.Join(", ", g)) : "none", s.Glossary is not null));
        lines.Add(Capped("Monthly budget", s.MonthlyBudgetUsd, rules.OperatorBudget, Money));
        lines.Add(Capped("Jobs per member per day", s.PerMemberDaily, rules.OperatorPerMemberDaily, Count));
        lines.Add(new("Longest video", $"{s.MaxMinutes ?? rules.OperatorMaxMinutes} min", s.MaxMinutes is not null));
        var who = withRoles && s.AccessRole is { } role ? $"members with <@&{role}>" : "everyone";
        var where = s.AccessChannels is { Count: > 0 } channels ? "in " + string.Join(", ", channels.Select(c => $"<#{c}>")) : "in every channel";
        lines.Add(new("Who may analyze", $"{who}, {where} (managers always)", !s.EveryoneMayAnalyze));
        lines.Add(new("Panel verdict", s.Verdict == true ? "on" : "off", s.Verdict is not null));
        lines.Add(new("Results pages", s.Pages == false ? "off" : "on (when the operator set a public URL)", s.Pages is not null));
        return lines;
    }

    // The value that applies: the server's own, unless the operator's ceiling (set later, lower) holds it down.
    private static SettingLine Capped<T>(string name, T? own, T ceiling, Func<T, string> show)
        where T : struct, IComparable<T>
    {
        if (own is { } value && ceiling.CompareTo(default) > 0 && value.CompareTo(ceiling) > 0)
        {
            return new(name, $"{show(ceiling)} (the operator's ceiling; this server set {show(value)})", true);
        }
        return new(name, show(own ?? ceiling), own is not null);
    }

    public static string Money(decimal amount) =>
        amount <= 0 ? "no limit" : string.Create(CultureInfo.InvariantCulture, $"${amount:0.00}");

    private static string Count(int n) => n <= 0 ? "no limit" : n.ToString(CultureInfo.InvariantCulture);

    private static string Clip(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= PromptShown ? flat : flat[..(PromptShown - 1)] + "…";
    }
}
