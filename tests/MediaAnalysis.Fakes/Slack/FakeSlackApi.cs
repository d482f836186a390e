using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace MediaAnalysis.Fakes.Slack;

// Slack's Web API as far as the bot uses it, on a real Kestrel socket at 127.0.0.1 with an OS-chosen port, in
// Slack's wire format: auth.test, chat.postMessage/update/postEphemeral, conversations.history, files.info and the
// external upload flow (files.getUploadURLExternal → POST to the upload URL → files.completeUploadExternal). It
// also serves files for download (bytes with the bot token, the HTML sign-in page without) and response_url
// addresses. It checks what Slack checks (token, charset, Block Kit limits) and lists every breach in Violations.
// Point SlackOptions.ApiBaseUrl at ApiBaseUrl and BotToken at BotToken.
public sealed partial class FakeSlackApi : IAsyncDisposable
{
    private const long TsBase = 1_712_345_678;

    private readonly Lock _gate = new();
    private readonly List<FakeSlackRequest> _requests = [];
    private readonly List<string> _violations = [];
    private readonly List<FakeSlackMessage> _messages = [];
    private readonly Dictionary<string, List<JsonObject>> _seeded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackFile> _files = new(StringComparer.Ordinal);
    private readonly List<FakeSlackResponse> _responses = [];
    private readonly Dictionary<string, int> _responseUses = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notInChannel = new(StringComparer.Ordinal);
    private readonly List<(string Method, FakeSlackFault Fault)> _faults = [];
    private readonly Dictionary<string, DateTimeOffset> _lastPost = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _tsCounter;
    private int _nextFile = 1;
    private int _nextResponseUrl = 1;

    private FakeSlackApi()
    {
    }

    // http://127.0.0.1:PORT/
    public Uri BaseAddress { get; private set; } = null!;

    // http://127.0.0.1:PORT/api, as SlackOptions.ApiBaseUrl is written.
    public string ApiBaseUrl => BaseAddress + "api";

    public string BotToken { get; set; } = "xoxb-1000000001-2000000002-FakeSlackBotToken0001";

    public string SigningSecret { get; set; } = "fake0signing0secret0for0tests01";

    public string TeamId { get; set; } = "T0FAKETEAM";

    public string TeamDomain { get; set; } = "fake-team";

    public string BotUserId { get; set; } = "U0FAKEBOT1";

    public string BotId { get; set; } = "B0FAKEBOT1";

    // The host put in upload URLs; another name for 127.0.0.1 (e.g. "localhost") makes them a different origin.
    public string? UploadHost { get; set; }

    // Called with each chat.postMessage once it is stored, before the answer goes back (a test may kill the
    // poster here: the message is in Slack, the poster never learns its ts).
    public Action<FakeSlackMessage>? Posted { get; set; }

    // When set, two posts or edits in one channel closer together than this are a violation.
    public TimeSpan? MinPostSpacing { get; set; }

    public IReadOnlyList<FakeSlackRequest> Requests => Locked(() => _requests.ToList());

    // Everything Slack would have refused, truncated or warned about.
    public IReadOnlyList<string> Violations => Locked(() => _violations.ToList());

    // Every message posted through the API (ephemeral ones included), in posting order, as edited since.
    public IReadOnlyList<FakeSlackMessage> Messages => Locked(() => _messages.ToList());

    public IReadOnlyList<FakeSlackFile> Files => Locked(() => _files.Values.ToList());

    public IReadOnlyList<FakeSlackResponse> Responses => Locked(() => _responses.ToList());

    public static async Task<FakeSlackApi> StartAsync(CancellationToken cancellationToken = default)
    {
        var fake = new FakeSlackApi();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake._app = app;
        fake.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    // "v0=" + hex HMAC-SHA256 over "v0:{timestamp}:{body}", as Slack signs what it sends to the app.
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(signingSecret);
        byte[] message = [.. Encoding.UTF8.GetBytes($"v0:{timestamp}:"), .. body];
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message));
    }

    public string Sign(long unixSeconds, ReadOnlySpan<byte> body) =>
        Sign(SigningSecret, unixSeconds.ToString(CultureInfo.InvariantCulture), body);

    public IReadOnlyList<FakeSlackMessage> MessagesIn(string channel, string? threadTs = null) =>
        Locked(() => _messages.Where(m => m.Channel == channel && m.EphemeralFor is null && (threadTs is null || m.ThreadTs == threadTs)).ToList());

    public FakeSlackMessage? Message(string channel, string ts) =>
        Locked(() => _messages.FirstOrDefault(m => m.Channel == channel && m.Ts == ts));

    public IReadOnlyList<FakeSlackFile> FilesIn(string channel, string? threadTs = null) =>
        Locked(() => _files.Values.Where(f => f.Channel == channel && (threadTs is null || f.ThreadTs == threadTs)).ToList());

    public IReadOnlyList<FakeSlackRequest> RequestsFor(string name) => Locked(() => _requests.Where(r => r.Name == name).ToList());

    // Every bot-token call touching this channel answers not_in_channel until Invite.
    public void NotInChannel(string channel) => Locked(() => _notInChannel.Add(channel));

    public void Invite(string channel) => Locked(() => _notInChannel.Remove(channel));

    // The next `times` calls of the method answer 429 with Retry-After (whole seconds, rounded up; 0 allowed).
    public void RateLimit(string method, TimeSpan retryAfter, int times = 1) =>
        AddFault(method, new FakeSlackFault(429, "ratelimited", retryAfter, null), times);

    // The next `times` calls of the method (or "upload" for the upload URL) answer this 5xx with an HTML body, as
    // Slack's edge does.
    public void ServerError(string method, int status = 503, int times = 1) =>
        AddFault(method, new FakeSlackFault(status, null, null, null), times);

    // The next `times` calls of the method answer 200 {ok:false, error} (with `needed` for missing_scope).
    public void FailWith(string method, string error, int times = 1, string? needed = null) =>
        AddFault(method, new FakeSlackFault(200, error, null, needed), times);

    // A fresh response_url on this fake (5 uses, as Slack allows).
    public string NewResponseUrl() => Locked(() => $"{BaseAddress}hooks/response/{_nextResponseUrl++}");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    private void AddFault(string method, FakeSlackFault fault, int times) =>
        Locked(() =>
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add((method, fault));
            }
            return 0;
        });

    private string NextTs()
    {
        _tsCounter += 100;
        return $"{TsBase + (_tsCounter / 1_000_000)}.{_tsCounter % 1_000_000:D6}";
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
