using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace MediaAnalysis.Fakes.Discord;

// Discord's REST API as far as the bot uses it, on a real Kestrel socket at 127.0.0.1 with an OS-chosen port,
// in Discord's wire format: interaction webhooks (@original, follow-ups), channel messages (JSON or multipart),
// threads from messages, command bulk overwrite. It checks what Discord checks (auth, User-Agent, message
// limits, rate limits) and lists every breach in Violations, so a test can assert the bot never earned a 4xx.
// Point DiscordOptions.ApiBaseUrl at ApiBaseUrl.
public sealed partial class FakeDiscordApi : IAsyncDisposable
{
    public const string ApiPrefix = "/api/v10";

    private readonly Lock _gate = new();
    private readonly List<FakeDiscordRequest> _requests = [];
    private readonly List<(string? Method, string? PathContains, FakeDiscordReply Reply)> _script = [];
    private readonly List<(string? Method, string? PathContains, TimeSpan Delay)> _delays = [];
    private readonly List<string> _violations = [];
    private readonly Dictionary<string, FakeDiscordMessage> _messages = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, FakeDiscordChannel> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _interactionChannels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _webhookMessageTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _expiredTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forbiddenChannels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nonces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<JsonElement>> _commands = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _nextId = 1_400_000_000_000_000_000;

    private FakeDiscordApi()
    {
    }

    // http://127.0.0.1:PORT/api/v10/
    public Uri BaseAddress { get; private set; } = null!;

    // The same without the trailing slash, as DiscordOptions.ApiBaseUrl is written.
    public string ApiBaseUrl => BaseAddress.ToString().TrimEnd('/');

    public string ApplicationId { get; set; } = "1300000000000000001";

    public string BotToken { get; set; } = "fake-bot-token.abc.def";

    public string BotUserId { get; set; } = "1300000000000000002";

    public string GuildId { get; set; } = "1300000000000000100";

    // Where @original and follow-ups land for a token that was not registered with Interaction().
    public string DefaultChannelId { get; set; } = "1300000000000000200";

    // Starting a thread answers 403 / 50013 Missing Permissions (no CREATE_PUBLIC_THREADS).
    public bool ForbidThreadCreation { get; set; }

    // Per file, as for a server without boosts (10 MiB since 2025).
    public long UploadLimitBytes { get; set; } = 10 * 1024 * 1024;

    public FakeDiscordRateLimits RateLimits { get; } = new();

    public IReadOnlyList<FakeDiscordRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    // Everything Discord would have held against the bot: 4xx for bad bodies, auth, User-Agent, rate limits.
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    public IReadOnlyList<FakeDiscordMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _order.Select(id => _messages[id])];
            }
        }
    }

    public IReadOnlyList<FakeDiscordChannel> Threads
    {
        get
        {
            lock (_gate)
            {
                return [.. _channels.Values.Where(c => c.Type is 10 or 11 or 12)];
            }
        }
    }

    public static async Task<FakeDiscordApi> StartAsync(CancellationToken cancellationToken = default)
    {
        var fake = new FakeDiscordApi();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake._app = app;
        fake.BaseAddress = new Uri(address.TrimEnd('/') + ApiPrefix + "/");
        return fake;
    }

    public FakeDiscordMessage? Message(string id)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<FakeDiscordMessage> MessagesIn(string channelId)
    {
        lock (_gate)
        {
            return [.. _order.Select(id => _messages[id]).Where(m => m.ChannelId == channelId)];
        }
    }

    public FakeDiscordChannel? Channel(string id)
    {
        lock (_gate)
        {
            return _channels.GetValueOrDefault(id);
        }
    }

    // The commands last registered globally (guildId null) or in one guild; null if never.
    public IReadOnlyList<JsonElement>? Commands(string? guildId = null)
    {
        lock (_gate)
        {
            return _commands.GetValueOrDefault(guildId ?? "");
        }
    }

    // A channel of another type than GUILD_TEXT (unknown channel ids are taken as GUILD_TEXT).
    public void AddChannel(string id, int type, string? parentId = null)
    {
        lock (_gate)
        {
            _channels[id] = new FakeDiscordChannel(id, type, parentId);
        }
    }

    // Bot-token calls on this channel answer 403 / 50001 Missing Access (bot not in the channel).
    public void ForbidChannel(string channelId)
    {
        lock (_gate)
        {
            _forbiddenChannels.Add(channelId);
        }
    }

    // Where the interaction with this token happened: its @original and follow-ups go there.
    public void Interaction(string token, string channelId)
    {
        lock (_gate)
        {
            _interactionChannels[token] = channelId;
        }
    }

    // From now on the token's webhook routes answer 401 / 50027 Invalid Webhook Token, as after 15 minutes.
    public void ExpireToken(string token)
    {
        lock (_gate)
        {
            _expiredTokens.Add(token);
        }
    }

    // The next request matching method and path fragment (null = any; ending in '$': the path's end) gets this reply instead; in order.
    public void Enqueue(FakeDiscordReply reply, string? method = null, string? pathContains = null)
    {
        lock (_gate)
        {
            _script.Add((method, pathContains, reply));
        }
    }

    // The next matching request is handled normally, but its answer leaves only after `delay`: a lost or slow answer.
    public void DelayNext(TimeSpan delay, string? method = null, string? pathContains = null)
    {
        lock (_gate)
        {
            _delays.Add((method, pathContains, delay));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    private string NextId()
    {
        lock (_gate)
        {
            return (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private void Violation(string text)
    {
        lock (_gate)
        {
            _violations.Add(text);
        }
    }
}
