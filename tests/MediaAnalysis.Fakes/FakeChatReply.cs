namespace MediaAnalysis.Fakes;

// One scripted OpenRouter answer; the shapes are the failure modes listed in OPENROUTER.md.
public sealed record FakeChatReply
{
    private FakeChatReply(FakeChatReplyKind kind) => Kind = kind;

    public int StatusCode { get; private init; } = 200;

    public int? RetryAfterSeconds { get; private init; }

    public string? Content { get; private init; }

    public string? Body { get; private init; }

    public string ContentType { get; private init; } = "application/json";

    internal FakeChatReplyKind Kind { get; }

    // OpenRouter's error body {"error":{"code","message","metadata":{"provider_name","raw"}}}.
    public static FakeChatReply Status(int status, int? retryAfterSeconds = null) =>
        new(FakeChatReplyKind.Status) { StatusCode = status, RetryAfterSeconds = retryAfterSeconds };

    // The model failed after the 200 went out: finish_reason "error" and choices[0].error.
    public static FakeChatReply ErrorIn200() => new(FakeChatReplyKind.ErrorIn200);

    // A 200 whose body is only {"error":{...}}, no choices.
    public static FakeChatReply TopLevelErrorIn200() => new(FakeChatReplyKind.TopLevelErrorIn200);

    public static FakeChatReply EmptyChoices() => new(FakeChatReplyKind.EmptyChoices);

    public static FakeChatReply NullContent() => new(FakeChatReplyKind.NullContent);

    public static FakeChatReply Success(string content) => new(FakeChatReplyKind.Success) { Content = content };

    // Any status and body as given, e.g. a proxy's HTML error page or cut-off JSON.
    public static FakeChatReply Raw(int status, string body, string contentType = "application/json") =>
        new(FakeChatReplyKind.Raw) { StatusCode = status, Body = body, ContentType = contentType };

    // Reads the request, then never answers until the client gives up.
    public static FakeChatReply Hang() => new(FakeChatReplyKind.Hang);

    // Reads the request, then drops the connection without a response.
    public static FakeChatReply Disconnect() => new(FakeChatReplyKind.Disconnect);
}
