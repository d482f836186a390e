
namespace MediaAnalysis.Chat.Slack.Payloads;

// An answer whose only interest is ok/error (chat.update, a failed call of any method).
public sealed record ApiResponse : SlackResponse;
