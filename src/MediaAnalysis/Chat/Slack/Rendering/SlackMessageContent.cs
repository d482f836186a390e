using MediaAnalysis.Chat.Slack.Payloads;

namespace MediaAnalysis.Chat.Slack.Rendering;

// One message to post or update: the blocks people see, and the plain text Slack uses for notifications and
// screen readers. Both always go together.
public sealed record SlackMessageContent(string Text, IReadOnlyList<Block> Blocks);
