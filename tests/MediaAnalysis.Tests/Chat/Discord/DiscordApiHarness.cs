using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Fakes.Discord;
using MediaAnalysis.Chat.Discord.Api;

namespace MediaAnalysis.Tests.Chat.Discord;

// A DiscordApiClient wired to a fresh FakeDiscordApi, with short retry delays and recorded logs.
public sealed class DiscordApiHarness : IAsyncDisposable
{
    public const string Token = "aW50ZXJhY3Rpb246MTMwMDAwMDAwMDAwMDAwMDcwMDpzZWNyZXQ";

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private DiscordApiHarness(FakeDiscordApi fake, DiscordOptions options)
    {
        Fake = fake;
        Options = options;
        Limiter = new DiscordRateLimiter(TimeProvider.System, LimiterLog);
        Client = new DiscordApiClient(_http, Microsoft.Extensions.Options.Options.Create(options), Limiter, TimeProvider.System, Log);
    }

    public FakeDiscordApi Fake { get; }

    public DiscordOptions Options { get; }

    public DiscordRateLimiter Limiter { get; }

    public DiscordApiClient Client { get; }

    public RecordingLogger<DiscordApiClient> Log { get; } = new();

    public RecordingLogger<DiscordRateLimiter> LimiterLog { get; } = new();

    public string AppId => Fake.ApplicationId;

    public string Channel => Fake.DefaultChannelId;

    public static async Task<DiscordApiHarness> StartAsync(Action<DiscordOptions>? configure = null)
    {
        var fake = await FakeDiscordApi.StartAsync();
        var options = new DiscordOptions
        {
            ApplicationId = fake.ApplicationId,
            PublicKey = new string('a', 64),
            BotToken = fake.BotToken,
            ApiBaseUrl = fake.ApiBaseUrl,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRateLimitWait = TimeSpan.FromSeconds(5),
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new DiscordApiHarness(fake, options);
    }

    // Neither token may appear in any log line.
    public void AssertNoSecretsLogged()
    {
        foreach (var line in Log.Lines.Concat(LimiterLog.Lines))
        {
            Assert.DoesNotContain(Token, line, StringComparison.Ordinal);
            Assert.DoesNotContain(Fake.BotToken, line, StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Fake.DisposeAsync();
    }
}
