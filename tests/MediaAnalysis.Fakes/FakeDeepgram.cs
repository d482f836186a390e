using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MediaAnalysis.Fakes;

// POST /v1/listen with raw audio, as DEEPGRAM.md describes: the body goes to disk, ffprobe/ffmpeg
// decide what was "heard", and the answer has Deepgram's full response or error shape.
public sealed class FakeDeepgram : IAsyncDisposable
{
    private readonly RequestLog<DeepgramRequest> _log = new();
    private readonly ConcurrencyGauge _gauge = new();
    private readonly bool _ownsDirectory;
    private LoopbackServer? _server;
    private int _received;

    private FakeDeepgram(string bodyDirectory, bool ownsDirectory)
    {
        BodyDirectory = bodyDirectory;
        _ownsDirectory = ownsDirectory;
    }

    public Uri BaseAddress => Server.BaseAddress;

    public LoopbackServer Server => _server ?? throw new InvalidOperationException("not started");

    public string BodyDirectory { get; }

    public string ApiKey { get; set; } = "test-deepgram-key";

    // When false, bodies are deleted once answered and DeepgramRequest.BodyFile is null.
    public bool KeepBodies { get; set; } = true;

    public ConcurrentQueue<FakeReply> Script { get; } = new();

    // Asked after Script is empty, with the 1-based request number; null means the default behaviour.
    public Func<int, FakeReply?>? Behaviour { get; set; }

    public Func<double, string>? TranscriptFor { get; set; }

    // Voices in the audio: with diarize=true paragraphs take turns among them and carry "speaker".
    public int Speakers { get; set; } = 2;

    // The language spoken: reported as detected_language, German gets German words, and a request for another
    // language hears no words (what Deepgram's answer amounts to when told the wrong language).
    public string SpokenLanguage { get; set; } = "en";

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    // False: the upload is read but not decoded (no silence detection), for load runs on a shared CPU.
    public bool DecodeAudio { get; set; } = true;

    public Func<TimeSpan>? LatencyFor { get; set; }

    public IReadOnlyList<DeepgramRequest> Requests => _log.Snapshot();

    public int Concurrent => _gauge.Current;

    public int MaxConcurrent => _gauge.Max;

    public static async Task<FakeDeepgram> StartAsync(string? bodyDirectory = null)
    {
        var owns = bodyDirectory is null;
        var directory = bodyDirectory ?? Path.Combine(Path.GetTempPath(), $"fake-deepgram-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var fake = new FakeDeepgram(directory, owns);
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/listen", fake.HandleAsync);
            app.MapFallback(context => JsonBody.SendAsync(context.Response, 404,
                DeepgramErrors.Body("NOT_FOUND", "Not found."), null, context.RequestAborted));
        });
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var inFlight = _gauge.Enter();
        var ct = context.RequestAborted;
        var receivedAt = DateTimeOffset.UtcNow;
        var number = Interlocked.Increment(ref _received);
        var keepBody = KeepBodies;
        var file = Path.Combine(BodyDirectory, $"listen-{number:D5}-{Guid.NewGuid():N}{Extension(context.Request.ContentType)}");
        try
        {
            var (length, sha256, complete) = await SaveBodyAsync(context.Request.Body, file, ct);
            var entry = new DeepgramRequest(HeaderSnapshot.Of(context.Request.Query), HeaderSnapshot.Of(context.Request.Headers),
                length, keepBody ? file : null, receivedAt)
            {
                BodyComplete = complete,
                KeyTerms = [.. context.Request.Query["keyterm"].OfType<string>(), .. context.Request.Query["keywords"].OfType<string>()],
                KeyTermParameter = context.Request.Query.ContainsKey("keyterm") ? "keyterm" : context.Request.Query.ContainsKey("keywords") ? "keywords" : null,
            };
            var index = _log.Add(entry);
            if (!complete)
            {
                context.Abort();
                return;
            }
            var delay = Task.Delay(LatencyFor?.Invoke() ?? Latency, ct);
            var reply = context.Request.Headers.Authorization != $"Token {ApiKey}"
                ? FakeReply.Status(401)
                : Script.TryDequeue(out var scripted) ? scripted : Behaviour?.Invoke(number);
            var answer = await DecideAsync(context, reply, file, sha256, ct);
            await delay;
            await SendAsync(context, answer, () => _log.Replace(index, entry with
            {
                StatusCode = answer.Status == 0 ? null : answer.Status,
                CompletedAt = DateTimeOffset.UtcNow,
            }));
        }
        finally
        {
            if (!keepBody)
            {
                File.Delete(file);
            }
        }
    }

    private async Task<Outcome> DecideAsync(HttpContext context, FakeReply? reply, string file, string sha256, CancellationToken ct)
    {
        switch (reply?.Kind)
        {
            case FakeReplyKind.Status:
                return new Outcome(reply.StatusCode, reply.RetryAfterSeconds,
                    reply.Body is { } body ? System.Text.Encoding.UTF8.GetBytes(body) : DeepgramErrors.Body(reply.StatusCode), null);
            case FakeReplyKind.Hang:
                await Task.Delay(Timeout.Infinite, ct);
                throw new OperationCanceledException(ct);
            case FakeReplyKind.Disconnect:
                return new Outcome(0, null, null, null);
            default:
                break;
        }
        // Key terms are model-specific: keyterm is Nova-3's, keywords the older models'.
        var nova3 = context.Request.Query["model"].ToString().StartsWith("nova-3", StringComparison.OrdinalIgnoreCase);
        if ((context.Request.Query.ContainsKey("keyterm") && !nova3) || (context.Request.Query.ContainsKey("keywords") && nova3))
        {
            return new Outcome(400, null, DeepgramErrors.Body("INVALID_QUERY_PARAMETER",
                nova3 ? "Keywords are not supported for Nova-3; use keyterm." : "Keyterm prompting is only available for Nova-3 models."), null);
        }
        if (await AudioProbe.ProbeAsync(file, ct, DecodeAudio) is not { } audio)
        {
            return new Outcome(400, null, DeepgramErrors.Body(400), null);
        }
        var duration = audio.Seconds;
        var query = context.Request.Query;
        var asked = query["language"].ToString();
        var wrongLanguage = asked.Length > 0 && asked != "multi"
            && !string.Equals(asked.Split('-')[0], SpokenLanguage.Split('-')[0], StringComparison.OrdinalIgnoreCase);
        var text = reply?.Kind == FakeReplyKind.Transcript ? reply.Transcript ?? ""
            : audio.IsSilent || wrongLanguage ? ""
            : (TranscriptFor ?? SpokenText.In(SpokenLanguage))(duration);
        var detect = string.Equals(query["detect_language"], "true", StringComparison.OrdinalIgnoreCase);
        var diarize = string.Equals(query["diarize"], "true", StringComparison.OrdinalIgnoreCase);
        var model = query["model"].ToString() is { Length: > 0 } named ? named : "base";
        return new Outcome(200, null, null, new DeepgramAnswer(Guid.NewGuid().ToString(), sha256, DateTimeOffset.UtcNow,
            duration, model, detect ? SpokenLanguage : null, TranscriptLayout.Build(text, duration, diarize ? Math.Max(1, Speakers) : 0)));
    }

    private static async Task SendAsync(HttpContext context, Outcome outcome, Action logAnswer)
    {
        logAnswer();
        var ct = context.RequestAborted;
        if (outcome.Status == 0)
        {
            context.Abort();
        }
        else if (outcome.Answer is { } answer)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.Headers["dg-request-id"] = answer.RequestId;
            await DeepgramResponseWriter.WriteAsync(context.Response.Body, answer, ct);
        }
        else
        {
            await JsonBody.SendAsync(context.Response, outcome.Status, outcome.Body!, outcome.RetryAfterSeconds, ct);
        }
    }

    // Streams to disk while hashing; an upload cut by the client is logged as incomplete, not thrown.
    private static async Task<(long Length, string Sha256, bool Complete)> SaveBodyAsync(Stream body, string file, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        var complete = true;
        try
        {
            await using var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous);
            try
            {
                for (int read; (read = await body.ReadAsync(buffer, ct)) > 0;)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                    length += read;
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException || ct.IsCancellationRequested)
            {
                complete = false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()), complete);
    }

    private static string Extension(string? contentType) => contentType?.Split(';')[0].Trim().ToUpperInvariant() switch
    {
        "AUDIO/MPEG" or "AUDIO/MP3" => ".mp3",
        "AUDIO/OGG" or "AUDIO/OPUS" => ".ogg",
        "AUDIO/AAC" => ".aac",
        "AUDIO/MP4" or "AUDIO/M4A" => ".m4a",
        "AUDIO/WAV" or "AUDIO/WAVE" => ".wav",
        "AUDIO/WEBM" => ".webm",
        "AUDIO/FLAC" => ".flac",
        _ => ".bin",
    };

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_ownsDirectory && Directory.Exists(BodyDirectory))
        {
            Directory.Delete(BodyDirectory, recursive: true);
        }
    }

    private sealed record Outcome(int Status, int? RetryAfterSeconds, byte[]? Body, DeepgramAnswer? Answer);
}
