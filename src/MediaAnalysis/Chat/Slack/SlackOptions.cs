using MediaAnalysis.Configuration;

namespace MediaAnalysis.Chat.Slack;

// Slack is on when SigningSecret and BotToken are both set; with neither it is off and nothing is checked.
// Problems name keys only, never values: both are secrets.
public sealed class SlackOptions : IValidatedOptions
{
    public const string SectionName = "Slack";
    public const string BotTokenPrefix = "xoxb-";

    // Basic Information > App Credentials > Signing Secret. Used as its UTF-8 text, never hex-decoded.
    public string? SigningSecret { get; set; }

    // OAuth & Permissions > Bot User OAuth Token.
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://slack.com/api";

    // The origin of Slack's private file links: the only host the bot token is sent to for downloads.
    public string FilesBaseUrl { get; set; } = "https://files.slack.com";

    // Tries per Web API call, counting the first, for 429 and 5xx answers.
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    // A 429 asking for a longer wait than this fails the call instead of stalling the job.
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    // Per try of the byte upload to Slack's upload URL.
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    // Slack allows about one message per second per channel; posts and edits in one channel are spaced this far apart.
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(SigningSecret) && string.IsNullOrWhiteSpace(BotToken))
        {
            return [];
        }
        string?[] problems =
        [
            OptionChecks.Required($"{SectionName}:SigningSecret", SigningSecret),
            OptionChecks.Required($"{SectionName}:BotToken", BotToken),
            OptionChecks.AbsoluteHttpUrl($"{SectionName}:FilesBaseUrl", FilesBaseUrl),
            string.IsNullOrWhiteSpace(SigningSecret) || !SigningSecret.Trim().StartsWith("xox", StringComparison.Ordinal)
                ? null
                : $"{SectionName}:SigningSecret looks like a token; use the Signing Secret from Basic Information > App Credentials",
            string.IsNullOrWhiteSpace(BotToken) || BotToken.Trim().StartsWith(BotTokenPrefix, StringComparison.Ordinal)
                ? null
                : $"{SectionName}:BotToken must be the Bot User OAuth Token starting with {BotTokenPrefix} (not a user xoxp- or app-level xapp- token)",
            OptionChecks.AbsoluteHttpUrl($"{SectionName}:ApiBaseUrl", ApiBaseUrl),
            OptionChecks.InRange($"{SectionName}:MaxAttempts", MaxAttempts, 1, 10),
            RetryBaseDelay >= TimeSpan.Zero ? null : $"{SectionName}:RetryBaseDelay must not be negative",
            OptionChecks.Positive($"{SectionName}:MaxRateLimitWait", MaxRateLimitWait),
            OptionChecks.Positive($"{SectionName}:RequestTimeout", RequestTimeout),
            OptionChecks.Positive($"{SectionName}:UploadTimeout", UploadTimeout),
            PostInterval >= TimeSpan.Zero ? null : $"{SectionName}:PostInterval must not be negative",
        ];
        return problems.OfType<string>();
    }
}
