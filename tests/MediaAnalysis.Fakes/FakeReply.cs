namespace MediaAnalysis.Fakes;

// One scripted Deepgram answer, used instead of the default transcription for one request.
public sealed record FakeReply
{
    private FakeReply(FakeReplyKind kind) => Kind = kind;

    public int StatusCode { get; private init; }

    public int? RetryAfterSeconds { get; private init; }

    // Null means Deepgram's own error body for the status, with a fresh request_id.
    public string? Body { get; private init; }

    public string? Transcript { get; private init; }

    internal FakeReplyKind Kind { get; }

    public static FakeReply Status(int status, int? retryAfterSeconds = null, string? body = null) =>
        new(FakeReplyKind.Status) { StatusCode = status, RetryAfterSeconds = retryAfterSeconds, Body = body };

    // Reads the whole body, then never answers: the client's own timeout (or disposal) ends it.
    public static FakeReply Hang() => new(FakeReplyKind.Hang);

    // Reads the whole body, then drops the connection without a response.
    public static FakeReply Disconnect() => new(FakeReplyKind.Disconnect);

    // A normal 200 whose transcript is this text, spread over the audio's real duration.
    public static FakeReply WithTranscript(string transcript) =>
        new(FakeReplyKind.Transcript) { StatusCode = 200, Transcript = transcript };
}
