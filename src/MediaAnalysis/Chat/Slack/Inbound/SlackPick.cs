using MediaAnalysis.Chat.Slack.Payloads;

namespace MediaAnalysis.Chat.Slack.Inbound;

// The video or audio file picked from a message. Note says which one when there were several (show it to the
// person); Refusal says why there is none, in words for them.
public sealed record SlackPick(SlackFile? File, int Candidates, string? Note, string? Refusal)
{
    // The message it came from when picked from a channel's history.
    public SlackMessage? Message { get; init; }
}
