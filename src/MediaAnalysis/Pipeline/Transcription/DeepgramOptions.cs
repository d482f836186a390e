using System.Text.RegularExpressions;
using MediaAnalysis.Configuration;

namespace MediaAnalysis.Pipeline.Transcription;

public sealed partial class DeepgramOptions : IValidatedOptions
{
    public const string SectionName = "Deepgram";

    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = "https://api.deepgram.com";

    public string Model { get; set; } = "nova-3";

    // A BCP-47 code skips detection; empty means detect_language=true.
    public string? Language { get; set; }

    // Per try: upload plus Deepgram's processing. Long files take minutes; HttpClient's 100 s default is too short.
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    // With the 2 s base, retries span 31-62 s: a 30-second Deepgram outage is ridden out.
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<string> Validate()
    {
        string?[] problems =
        [
            OptionChecks.Required($"{SectionName}:ApiKey", ApiKey),
            OptionChecks.AbsoluteHttpUrl($"{SectionName}:BaseUrl", BaseUrl),
            string.IsNullOrWhiteSpace(Model) ? $"{SectionName}:Model must name a Deepgram model such as nova-3" : null,
            string.IsNullOrWhiteSpace(Language) || LanguageCode().IsMatch(Language)
                ? null
                : $"{SectionName}:Language must be a BCP-47 code such as en or de (or empty to detect), got '{Language}'",
            OptionChecks.Positive($"{SectionName}:Timeout", Timeout),
            OptionChecks.InRange($"{SectionName}:MaxAttempts", MaxAttempts, 1, 10),
            RetryBaseDelay >= TimeSpan.Zero ? null : $"{SectionName}:RetryBaseDelay must not be negative",
        ];
        return problems.OfType<string>();
    }

    [GeneratedRegex("^(multi|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$")]
    private static partial Regex LanguageCode();
}
