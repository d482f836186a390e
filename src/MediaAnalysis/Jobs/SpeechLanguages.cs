namespace MediaAnalysis.Jobs;

// The languages a person may choose for a job: BCP-47 codes Deepgram's nova-3 transcribes, each with its English
// name (the app runs with invariant globalization, so culture data cannot name them). 24 of them plus "detect"
// fill Discord's 25 choices.
public static class SpeechLanguages
{
    public const string Detect = "detect";

    public static readonly IReadOnlyList<(string Code, string Name)> Choices =
    [
        ("en", "English"), ("de", "German"), ("fr", "French"), ("es", "Spanish"), ("it", "Italian"),
        ("pt", "Portuguese"), ("pt-BR", "Brazilian Portuguese"), ("nl", "Dutch"), ("sv", "Swedish"), ("da", "Danish"),
        ("no", "Norwegian"), ("fi", "Finnish"), ("pl", "Polish"), ("cs", "Czech"), ("ru", "Russian"),
        ("uk", "Ukrainian"), ("tr", "Turkish"), ("el", "Greek"), ("ro", "Romanian"), ("hu", "Hungarian"),
        ("hi", "Hindi"), ("ja", "Japanese"), ("ko", "Korean"), ("vi", "Vietnamese"),
    ];

    private static readonly Dictionary<string, string> Others = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zh"] = "Chinese", ["id"] = "Indonesian", ["th"] = "Thai", ["ar"] = "Arabic", ["he"] = "Hebrew",
        ["bg"] = "Bulgarian", ["ca"] = "Catalan", ["multi"] = "several languages",
    };

    // A code or an English name ("de", "pt-br", "German") → the code; "detect" → Detect; anything else → null.
    public static string? Parse(string? word)
    {
        var text = word?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Equals(Detect, StringComparison.OrdinalIgnoreCase))
        {
            return Detect;
        }
        foreach (var (code, name) in Choices)
        {
            if (text.Equals(code, StringComparison.OrdinalIgnoreCase) || text.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }
        return null;
    }

    // "German" for "de" (or "de-CH"); the code itself when it is not known.
    public static string NameOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        foreach (var (c, name) in Choices)
        {
            if (c.Equals(code, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }
        var primary = code.Split('-', 2)[0];
        foreach (var (c, name) in Choices)
        {
            if (c.Equals(primary, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }
        return Others.TryGetValue(code, out var other) || Others.TryGetValue(primary, out other) ? other : code;
    }

    // The private hint for a word that names no language.
    public static string Hint(string word) =>
        $"“{word}” is not a language I can choose. Use a code or an English name: "
        + string.Join(", ", Choices.Select(c => $"{c.Code} ({c.Name})")) + ", or leave it out to detect the language.";
}
