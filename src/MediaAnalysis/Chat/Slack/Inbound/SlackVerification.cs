
namespace MediaAnalysis.Chat.Slack.Inbound;

// Anything but Valid is answered 401 and changes nothing.
public enum SlackVerification
{
    Valid,

    // X-Slack-Request-Timestamp or X-Slack-Signature absent or empty.
    Missing,

    // The timestamp is more than five minutes from now, either way: a replay, or a badly wrong clock.
    Stale,

    // Malformed headers, no signing secret configured, or a signature that does not match.
    Invalid,
}
