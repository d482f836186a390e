
namespace MediaAnalysis.Chat.Slack.Api;

// A Web API call that did not succeed. Error is Slack's error string ("not_in_channel", "ratelimited", ...) or ours
// for failures Slack did not name ("http_503", "request_failed", "invalid_response"); Status is the HTTP status
// (0 when no answer came). The message is fit to show a workspace admin; it never contains a token.
public sealed class SlackApiException(string method, string error, int status, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    public int Status { get; } = status;

    // With missing_scope: the scope to add.
    public string? Needed { get; init; }

    public bool IsNotInChannel => Error == "not_in_channel";

    public bool IsChannelNotFound => Error == "channel_not_found";

    public bool IsRateLimited => Error is "ratelimited" or "rate_limited";

    public bool IsAuthFailure => Error is "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive";

    // The bot cannot post here however often it tries; tell the person instead.
    public bool IsChannelUnavailable => IsNotInChannel || IsChannelNotFound || Error is "is_archived" or "restricted_action"
        or "restricted_action_read_only_channel" or "restricted_action_thread_only_channel" or "restricted_action_non_threadable_channel";

    public static string Describe(string method, string error, string? needed) => error switch
    {
        "not_in_channel" => "The bot is not in this channel: invite the bot to the channel with /invite @MediaAnalysis, then try again.",
        "channel_not_found" => "Slack cannot find this channel for the bot (channel_not_found): for a private channel, invite the bot with /invite @MediaAnalysis.",
        "missing_scope" => needed is null
            ? "The Slack app is missing a permission (missing_scope): add it under OAuth & Permissions and reinstall the app."
            : $"The Slack app is missing the {needed} permission (missing_scope): add it under OAuth & Permissions and reinstall the app.",
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" =>
            $"Slack rejected the bot token ({error}): check Slack:BotToken, or reinstall the app to the workspace.",
        "ratelimited" or "rate_limited" => $"Slack kept rate-limiting {method} (ratelimited); try again in a minute.",
        "is_archived" => "This channel is archived, so the bot cannot post in it (is_archived).",
        "msg_too_long" or "msg_blocks_too_long" or "invalid_blocks" => $"Slack refused the message as too long or malformed ({error}).",
        "message_not_found" or "cant_update_message" => $"Slack could not update the bot's message ({error}).",
        _ => $"Slack {method} failed: {error}.",
    };
}
