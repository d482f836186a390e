using MediaAnalysis.Configuration;
using System.Globalization;
using System.Text.RegularExpressions;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Download;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Settings;

// What a server may set, checked against the operator's ceilings: each method turns one command's input into a
// SettingsEdit, or into messages naming what is wrong and what would be right.
public sealed partial class SettingsRules(IOptions<AnalysisOptions> analysis, IOptions<MediaOptions> media, IOptions<LimitsOptions> ceilings)
{
    public const int MaxInstructions = 4000;
    public const int MaxPromptName = 40;
    public const int MaxGlossaryTerms = 100;
    public const int MaxTermLength = 60;

    public IReadOnlyList<string> AllowedModels => analysis.Value.AllowedModels;

    public IReadOnlyList<string> OperatorModels => analysis.Value.EffectiveModels;

    public IReadOnlyList<PromptVariant> OperatorPrompts => analysis.Value.EffectivePrompts;

    // The operator's prompts in a server's form, to start editing from.
    public IReadOnlyList<ServerPrompt> StartingPrompts => [.. OperatorPrompts.Select(p => new ServerPrompt(p.Name, StartingPoint(p)))];

    public int OperatorMaxMinutes => media.Value.MaxDurationMinutes;

    public decimal OperatorBudget => ceilings.Value.MonthlyBudgetUsd;

    public int OperatorPerMemberDaily => ceilings.Value.PerMemberDaily;

    public SettingsEdit Prompts(string? name1, string? instructions1, string? name2, string? instructions2)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CheckPrompt(errors, SettingsFields.Prompt1Name, name1, SettingsFields.Prompt1Instructions, instructions1, "first");
        CheckPrompt(errors, SettingsFields.Prompt2Name, name2, SettingsFields.Prompt2Instructions, instructions2, "second");
        if (errors.Count == 0 && string.Equals(name1!.Trim(), name2!.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors[SettingsFields.Prompt2Name] = "The two prompts need different names.";
        }
        if (errors.Count > 0)
        {
            return SettingsEdit.Invalid(errors);
        }
        IReadOnlyList<ServerPrompt> prompts = [new(name1!.Trim(), instructions1!.Trim()), new(name2!.Trim(), instructions2!.Trim())];
        return SettingsEdit.Change($"prompts: {prompts[0].Name}, {prompts[1].Name}", s => s with { Prompts = prompts });
    }

    private static void CheckPrompt(Dictionary<string, string> errors, string nameField, string? name, string textField, string? text, string which)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxPromptName)
        {
            errors[nameField] = $"The {which} prompt needs a name of 1 to {MaxPromptName} characters.";
        }
        else if (string.Equals(name.Trim(), PanelVerdict.Prompt, StringComparison.OrdinalIgnoreCase))
        {
            errors[nameField] = $"\"{PanelVerdict.Prompt}\" is the panel verdict's name; give the {which} prompt another.";
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[textField] = $"The {which} prompt's instructions are empty: say what the answer should do, e.g. \"List the decisions and who owns them.\"";
        }
        else if (text.Trim().Length > MaxInstructions)
        {
            errors[textField] = $"The {which} prompt's instructions are {text.Trim().Length} characters; at most {MaxInstructions}.";
        }
    }

    // All three at once, from Analysis:AllowedModels when the operator set it.
    public SettingsEdit Models(string? model1, string? model2, string? model3)
    {
        string?[] given = [model1?.Trim(), model2?.Trim(), model3?.Trim()];
        string[] fields = [SettingsFields.Model1, SettingsFields.Model2, SettingsFields.Model3];
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < given.Length; i++)
        {
            if (string.IsNullOrEmpty(given[i]) || given[i]!.Any(char.IsWhiteSpace) || given[i]!.Length > 200)
            {
                errors[fields[i]] = $"Model {i + 1} must be a model id such as {OperatorModels[0]}.";
            }
            else if (AllowedModels.Count > 0 && !AllowedModels.Contains(given[i]!, StringComparer.Ordinal))
            {
                errors[fields[i]] = $"{given[i]} is not one of the models this bot allows: {string.Join(", ", AllowedModels)}.";
            }
            else if (given.Take(i).Contains(given[i], StringComparer.Ordinal))
            {
                errors[fields[i]] = $"{given[i]} is chosen twice; pick three different models.";
            }
        }
        if (errors.Count > 0)
        {
            return SettingsEdit.Invalid(errors);
        }
        IReadOnlyList<string> models = [given[0]!, given[1]!, given[2]!];
        return SettingsEdit.Change($"models: {string.Join(", ", models)}", s => s with { Models = models });
    }

    // "speech" (or nothing) → the speech's language; a BCP-47 code or an English name otherwise.
    public static SettingsEdit Language(string? answers)
    {
        var text = answers?.Trim() ?? "";
        if (text.Length == 0 || text.Equals(SettingsFields.Speech, StringComparison.OrdinalIgnoreCase))
        {
            return SettingsEdit.Change("answer language: the speech's", s => s with { AnswerLanguage = null });
        }
        var code = SpeechLanguages.Parse(text) is { } known && known != SpeechLanguages.Detect ? known
            : LanguageTag().IsMatch(text) ? text : null;
        return code is null
            ? SettingsEdit.Invalid(SettingsFields.Answers, $"“{text}” is not a language code. Use \"speech\" (the language spoken) or a BCP-47 code such as en, de or pt-BR.")
            : SettingsEdit.Change($"answer language: {code}", s => s with { AnswerLanguage = code });
    }

    // One term a line (commas also separate); an empty text clears the glossary.
    public static SettingsEdit Glossary(string? text)
    {
        var terms = (text ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (terms.Count > MaxGlossaryTerms)
        {
            return SettingsEdit.Invalid(SettingsFields.Glossary, $"That is {terms.Count} terms; the glossary holds at most {MaxGlossaryTerms}.");
        }
        if (terms.FirstOrDefault(t => t.Length > MaxTermLength) is { } longTerm)
        {
            return SettingsEdit.Invalid(SettingsFields.Glossary, $"“{longTerm[..20]}…” is longer than {MaxTermLength} characters; a term is a name or a short phrase.");
        }
        IReadOnlyList<string>? glossary = terms.Count == 0 ? null : terms;
        return SettingsEdit.Change(terms.Count == 0 ? "glossary: cleared" : $"glossary: {terms.Count} {(terms.Count == 1 ? "term" : "terms")}",
            s => s with { Glossary = glossary });
    }

    // Each given value replaces the server's; 0 clears it (the operator's applies again).
    public SettingsEdit Limits(decimal? budget, int? perMemberDaily, int? maxMinutes)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (budget is < 0)
        {
            errors[SettingsFields.MonthlyBudgetUsd] = "The monthly budget cannot be negative (0 clears it).";
        }
        else if (budget > 0 && OperatorBudget > 0 && budget > OperatorBudget)
        {
            errors[SettingsFields.MonthlyBudgetUsd] = string.Create(CultureInfo.InvariantCulture,
                $"The monthly budget can be at most ${OperatorBudget:0.##}, the ceiling this bot's operator set.");
        }
        if (perMemberDaily is < 0)
        {
            errors[SettingsFields.PerMemberDaily] = "Jobs per member per day cannot be negative (0 clears it).";
        }
        else if (perMemberDaily > 0 && OperatorPerMemberDaily > 0 && perMemberDaily > OperatorPerMemberDaily)
        {
            errors[SettingsFields.PerMemberDaily] = $"Jobs per member per day can be at most {OperatorPerMemberDaily}, the operator's limit.";
        }
        if (maxMinutes is < 0 || maxMinutes > OperatorMaxMinutes)
        {
            errors[SettingsFields.MaxMinutes] = $"The longest video can be 1 to {OperatorMaxMinutes} minutes (0 clears it).";
        }
        if (errors.Count > 0)
        {
            return SettingsEdit.Invalid(errors);
        }
        var parts = new List<string>();
        if (budget is { } b)
        {
            parts.Add(b == 0 ? "monthly budget cleared" : string.Create(CultureInfo.InvariantCulture, $"monthly budget ${b:0.##}"));
        }
        if (perMemberDaily is { } d)
        {
            parts.Add(d == 0 ? "jobs per member per day cleared" : $"{d} jobs per member per day");
        }
        if (maxMinutes is { } m)
        {
            parts.Add(m == 0 ? "longest video cleared" : $"longest video {m} min");
        }
        return parts.Count == 0
            ? SettingsEdit.Invalid(SettingsFields.MonthlyBudgetUsd, "Give at least one of monthly_budget_usd, per_member_daily or max_minutes.")
            : SettingsEdit.Change("limits: " + string.Join(", ", parts), s => s with
            {
                MonthlyBudgetUsd = budget is { } nb ? (nb == 0 ? null : nb) : s.MonthlyBudgetUsd,
                PerMemberDaily = perMemberDaily is { } nd ? (nd == 0 ? null : nd) : s.PerMemberDaily,
                MaxMinutes = maxMinutes is { } nm ? (nm == 0 ? null : nm) : s.MaxMinutes,
            });
    }

    // The operator's prompt in a server's form (to start editing from): its system message, then what it asks,
    // without the transcript slot.
    public static string StartingPoint(PromptVariant prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var ask = prompt.User.Replace(PromptVariant.TranscriptPlaceholder, "", StringComparison.Ordinal).TrimEnd();
        if (ask.EndsWith("Transcript:", StringComparison.Ordinal))
        {
            ask = ask[..^"Transcript:".Length].TrimEnd();
        }
        var text = $"{prompt.System.Replace(AnalysisDefaults.ChatMarkdown, "", StringComparison.Ordinal).Trim()}\n\n{ask}".Trim();
        return text.Length <= MaxInstructions ? text : text[..MaxInstructions];
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
