namespace MediaAnalysis.Chat.Slack.Inbound;

// A message link from a slash command's text: the channel, the message's ts, and for a reply its thread's ts.
public sealed record SlackLink(string Channel, string Ts, string? ThreadTs);
