namespace MediaAnalysis.Chat.Slack.Inbound;

// One request to analyze a video message. MessageTs is the video message; ThreadTs its thread (when it is a reply
// or a thread's parent). Delivery tells deliveries apart: the ts of the mention that asked (stable across Slack's
// retries and the mention's file_share twin), or a shortcut's or command's trigger_id; null when the mention is
// the video message itself. ResponseUrl (shortcuts and commands) reaches the person even where the bot cannot post.
public sealed record SlackAsk(string Source, string Team, string Channel, string User, string MessageTs)
{
    public string? ThreadTs { get; init; }

    public string? Delivery { get; init; }

    public string? ResponseUrl { get; init; }

    // A BCP-47 code the person chose (`/analyze … German`), or null: detect.
    public string? Language { get; init; }

    // Where notes only the person sees go: the thread they asked in, or the channel.
    public string? NoteThreadTs { get; init; }

    // "slack:team:channel:ts:file", plus ":delivery" when another message or a click asked.
    public string IdempotencyKey(string fileId) =>
        Delivery is { Length: > 0 } delivery && delivery != MessageTs
            ? $"slack:{Team}:{Channel}:{MessageTs}:{fileId}:{delivery}"
            : $"slack:{Team}:{Channel}:{MessageTs}:{fileId}";
}
