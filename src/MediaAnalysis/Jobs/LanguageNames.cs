namespace MediaAnalysis.Jobs;

// The app runs with invariant globalization, so culture data cannot name languages; these are the common ones
// Deepgram detects. Anything else is shown as its code.
public static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English", ["de"] = "German", ["fr"] = "French", ["es"] = "Spanish", ["it"] = "Italian",
        ["pt"] = "Portuguese", ["nl"] = "Dutch", ["sv"] = "Swedish", ["da"] = "Danish", ["no"] = "Norwegian",
        ["fi"] = "Finnish", ["pl"] = "Polish", ["cs"] = "Czech", ["ru"] = "Russian", ["uk"] = "Ukrainian",
        ["tr"] = "Turkish", ["el"] = "Greek", ["ja"] = "Japanese", ["ko"] = "Korean", ["zh"] = "Chinese",
        ["hi"] = "Hindi", ["id"] = "Indonesian", ["vi"] = "Vietnamese", ["th"] = "Thai", ["ar"] = "Arabic",
        ["he"] = "Hebrew", ["ro"] = "Romanian", ["hu"] = "Hungarian", ["multi"] = "several languages",
    };

    public static string Of(string code)
    {
        var primary = code.Split('-', 2)[0];
        return Names.TryGetValue(code, out var name) || Names.TryGetValue(primary, out name) ? name : code;
    }
}
