
namespace MediaAnalysis.Chat.Discord.Api;

// Any REST call that did not succeed: Status is the HTTP status (0 when no answer came), Code is
// Discord's JSON error code when it sent one. Messages never contain tokens.
public sealed class DiscordApiException(int status, int? code, string? discordMessage, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public int Status { get; } = status;

    public int? Code { get; } = code;

    public string? DiscordMessage { get; } = discordMessage;

    // The `errors` object of a 50035, compact JSON: which field broke which limit.
    public string? Errors { get; init; }

    // The credential is no longer accepted: on a webhook route the interaction token (expired after 15 minutes,
    // or unknown), on a bot route the bot token. Stop using it; for the former, post with the bot token.
    public bool IsTokenGone =>
        Code is DiscordErrorCodes.InvalidWebhookToken or DiscordErrorCodes.UnknownWebhook or DiscordErrorCodes.UnknownInteraction
        || (Status == 401 && Code is null or DiscordErrorCodes.General);

    public bool IsMissingPermissions =>
        Code is DiscordErrorCodes.MissingPermissions or DiscordErrorCodes.MissingAccess || (Status == 403 && Code is null);

    public bool IsThreadAlreadyCreated => Code == DiscordErrorCodes.ThreadAlreadyCreated;

    public bool IsRateLimited => Status == 429;
}
