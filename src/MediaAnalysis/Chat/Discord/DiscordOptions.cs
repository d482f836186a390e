using MediaAnalysis.Configuration;

namespace MediaAnalysis.Chat.Discord;

// Discord is on when ApplicationId, PublicKey and BotToken are all set; with none of them it is off,
// and nothing is checked. Problems name keys only, never values: the token is a secret.
public sealed class DiscordOptions : IValidatedOptions
{
    public const string SectionName = "Discord";

    public string? ApplicationId { get; set; }

    // Hex Ed25519 key from the developer portal (General Information > Public Key).
    public string? PublicKey { get; set; }

    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    // Tries per REST call, counting the first, for 429 and 5xx answers.
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    // A 429 asking for a longer wait than this fails the call instead of stalling the job.
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled =>
        !string.IsNullOrWhiteSpace(ApplicationId) && !string.IsNullOrWhiteSpace(PublicKey) && !string.IsNullOrWhiteSpace(BotToken);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ApplicationId) && string.IsNullOrWhiteSpace(PublicKey) && string.IsNullOrWhiteSpace(BotToken))
        {
            return [];
        }
        string?[] problems =
        [
            OptionChecks.Required($"{SectionName}:ApplicationId", ApplicationId),
            OptionChecks.Required($"{SectionName}:PublicKey", PublicKey),
            OptionChecks.Required($"{SectionName}:BotToken", BotToken),
            string.IsNullOrWhiteSpace(ApplicationId) || IsSnowflake(ApplicationId)
                ? null
                : $"{SectionName}:ApplicationId must be the numeric application id from the developer portal",
            string.IsNullOrWhiteSpace(PublicKey) || IsHexKey(PublicKey)
                ? null
                : $"{SectionName}:PublicKey must be 64 hex characters (the application's Public Key, not the bot token)",
            string.IsNullOrWhiteSpace(BotToken) || !BotToken.Trim().StartsWith("Bot ", StringComparison.OrdinalIgnoreCase)
                ? null
                : $"{SectionName}:BotToken must be the bare token, without the 'Bot ' prefix",
            OptionChecks.AbsoluteHttpUrl($"{SectionName}:ApiBaseUrl", ApiBaseUrl),
            OptionChecks.InRange($"{SectionName}:MaxAttempts", MaxAttempts, 1, 10),
            RetryBaseDelay >= TimeSpan.Zero ? null : $"{SectionName}:RetryBaseDelay must not be negative",
            OptionChecks.Positive($"{SectionName}:MaxRateLimitWait", MaxRateLimitWait),
            OptionChecks.Positive($"{SectionName}:RequestTimeout", RequestTimeout),
        ];
        return problems.OfType<string>();
    }

    private static bool IsSnowflake(string value) =>
        value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit);

    private static bool IsHexKey(string value) =>
        value.Trim().Length == 64 && value.Trim().All(char.IsAsciiHexDigit);
}
