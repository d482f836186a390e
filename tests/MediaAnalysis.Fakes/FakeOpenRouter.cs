using System.Collections.Concurrent;

namespace MediaAnalysis.Fakes;

// POST /api/v1/chat/completions as OPENROUTER.md describes, non-streaming, scripted per model.
public sealed class FakeOpenRouter : IAsyncDisposable
{
    private readonly RequestLog<ChatRequest> _log = new();
    private readonly ConcurrencyGauge _gauge = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeChatReply>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeChatReply> _failures = new(StringComparer.Ordinal);
    private LoopbackServer? _server;

    private FakeOpenRouter()
    {
    }

    // The OpenAI SDK posts to {BaseAddress}chat/completions.
    public Uri BaseAddress => new(Server.BaseAddress, "api/v1/");

    public LoopbackServer Server => _server ?? throw new InvalidOperationException("not started");

    public string ApiKey { get; set; } = "test-openrouter-key";

    // When false only Model and BodyLength are logged, so a long benchmark does not hold every transcript.
    public bool KeepBodies { get; set; } = true;

    public bool IncludeCost { get; set; } = true;

    // Models whose replies carry tokens but no usage.cost (a model served by an endpoint that does not price it).
    public ConcurrentDictionary<string, bool> CostlessModels { get; } = new(StringComparer.Ordinal);

    public Func<ChatRequest, string>? AnswerFor { get; set; }

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public Func<string, TimeSpan>? LatencyFor { get; set; }

    public IReadOnlyList<ChatRequest> Requests => _log.Snapshot();

    public int Concurrent => _gauge.Current;

    public int MaxConcurrent => _gauge.Max;

    public static async Task<FakeOpenRouter> StartAsync()
    {
        var fake = new FakeOpenRouter();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/api/v1/chat/completions", fake.HandleAsync);
            app.MapFallback(context => JsonBody.SendAsync(context.Response, 404,
                ChatResponses.PlainError(404, "Not Found"), null, context.RequestAborted));
        });
        return fake;
    }

    // Logged json_schema requests (response_format), e.g. the panel verdict's.
    public IReadOnlyList<ChatRequest> SchemaRequests => [.. Requests.Where(r => r.SchemaName is not null)];

    // Consumed one per request of that model, before FailAlways and the default answer.
    public void Enqueue(string model, FakeChatReply reply) =>
        _scripts.GetOrAdd(model, _ => new ConcurrentQueue<FakeChatReply>()).Enqueue(reply);

    public void FailAlways(string model, FakeChatReply reply) => _failures[model] = reply;

    public void StopFailing(string model) => _failures.TryRemove(model, out _);

    private async Task HandleAsync(HttpContext context)
    {
        using var inFlight = _gauge.Enter();
        var ct = context.RequestAborted;
        var receivedAt = DateTimeOffset.UtcNow;
        using var buffer = new MemoryStream();
        try
        {
            await context.Request.Body.CopyToAsync(buffer, ct);
        }
        catch (IOException)
        {
            // The client went away mid-upload; nothing to log or answer.
            context.Abort();
            return;
        }
        var body = buffer.ToArray();
        var parsed = ChatBody.Parse(body);
        var model = parsed?.Model ?? "";
        var full = new ChatRequest(model, body, HeaderSnapshot.Of(context.Request.Headers), receivedAt, parsed?.Messages ?? [])
        {
            BodyLength = body.Length,
            SchemaName = parsed?.SchemaName,
            Schema = parsed?.Schema,
        };
        var logged = KeepBodies ? full : full with { Body = [], Messages = [] };
        var index = _log.Add(logged);

        var delay = Task.Delay(LatencyFor?.Invoke(model) ?? Latency, ct);
        var reply = Choose(context, parsed, full);
        await delay;
        if (reply.Kind == FakeChatReplyKind.Hang)
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        var (status, bytes, generationId) = Render(reply, model, body.Length);
        _log.Replace(index, logged with { StatusCode = status == 0 ? null : status, CompletedAt = DateTimeOffset.UtcNow });
        if (reply.Kind == FakeChatReplyKind.Disconnect)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = reply.ContentType;
        context.Response.ContentLength = bytes.Length;
        if (generationId is not null)
        {
            context.Response.Headers["X-Generation-Id"] = generationId;
        }
        if (reply.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await context.Response.Body.WriteAsync(bytes, ct);
    }

    private FakeChatReply Choose(HttpContext context, ChatBody? parsed, ChatRequest request)
    {
        if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
        {
            return FakeChatReply.Raw(401, Text(ChatResponses.PlainError(401, "No auth credentials found")));
        }
        if (parsed is null)
        {
            return FakeChatReply.Raw(400, Text(ChatResponses.PlainError(400, "Invalid JSON in request body")));
        }
        if (parsed.Model.Length == 0)
        {
            return FakeChatReply.Raw(400, Text(ChatResponses.PlainError(400, "No models provided")));
        }
        if (parsed.Stream)
        {
            return FakeChatReply.Raw(400, Text(ChatResponses.PlainError(400, "FakeOpenRouter does not implement stream=true")));
        }
        if (_scripts.TryGetValue(parsed.Model, out var queue) && queue.TryDequeue(out var scripted))
        {
            return scripted;
        }
        if (_failures.TryGetValue(parsed.Model, out var failure))
        {
            return failure;
        }
        // A json_schema request the test did not script gets a document that fits the schema, as a real model's would.
        if (AnswerFor is null && request.Schema is { } schema)
        {
            return FakeChatReply.Success(SchemaInstance.For(schema, request.Model));
        }
        return FakeChatReply.Success((AnswerFor ?? DefaultAnswer.For)(request));
    }

    private (int Status, byte[] Body, string? GenerationId) Render(FakeChatReply reply, string model, long requestBytes)
    {
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var id = ChatResponses.NewId(created);
        (int, byte[], string?) Completion(ChatResponses.Choice? choice) =>
            (200, ChatResponses.Completion(id, created, model, choice, requestBytes, IncludeCost && !CostlessModels.ContainsKey(model)), id);
        return reply.Kind switch
        {
            FakeChatReplyKind.Success => Completion(new(model, reply.Content, "stop")),
            FakeChatReplyKind.NullContent => Completion(new(model, null, "stop")),
            FakeChatReplyKind.EmptyChoices => Completion(null),
            FakeChatReplyKind.ErrorIn200 => Completion(new(model, "", "error", 502)),
            FakeChatReplyKind.TopLevelErrorIn200 => (200, ChatResponses.Error(502, model, topLevelIn200: true), null),
            FakeChatReplyKind.Status => (reply.StatusCode, ChatResponses.Error(reply.StatusCode, model), null),
            FakeChatReplyKind.Raw => (reply.StatusCode, System.Text.Encoding.UTF8.GetBytes(reply.Body ?? ""), null),
            _ => (0, [], null),
        };
    }

    private static string Text(byte[] utf8) => System.Text.Encoding.UTF8.GetString(utf8);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
