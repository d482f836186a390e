namespace MediaAnalysis.Jobs;

// A follow-up question as stored: a small durable job of its own kind, keyed by the platform's interaction or
// event id (Key), so a redelivered one is the same question. The answer fields are set once it is answered.
public sealed record QuestionRecord
{
    public required string Key { get; init; }

    public required string JobId { get; init; }

    public required string Platform { get; init; }

    public required string Tenant { get; init; }

    // The thread the answer goes to.
    public required string Channel { get; init; }

    public required string AskerId { get; init; }

    public required string AskerName { get; init; }

    public required string Question { get; init; }

    // What the platform needs to reply (e.g. an interaction token), as the platform's code writes it.
    public string? ReplyState { get; init; }

    public QuestionState State { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? Answer { get; init; }

    public bool Supported { get; init; }

    public string? Model { get; init; }

    public int? PromptTokens { get; init; }

    public int? CompletionTokens { get; init; }

    public decimal? Cost { get; init; }

    public double? Seconds { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }
}
