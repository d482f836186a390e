using MediaAnalysis.Chat.Slack;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Chat.Slack.Api;

namespace MediaAnalysis.Tests.Chat.Slack;

// A SlackApiClient wired to a fresh FakeSlackApi, with short retry delays, no post spacing unless asked, and
// recorded logs.
public sealed class SlackApiHarness : IAsyncDisposable
{
    public const string Channel = "C0FAKECHAN";

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };

    private SlackApiHarness(FakeSlackApi fake, SlackOptions options)
    {
        Fake = fake;
        Options = options;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Pacer = new SlackChannelPacer(TimeProvider.System, wrapped, PacerLog);
        Client = new SlackApiClient(_http, wrapped, Pacer, TimeProvider.System, Log);
    }

    public FakeSlackApi Fake { get; }

    public SlackOptions Options { get; }

    public SlackChannelPacer Pacer { get; }

    public SlackApiClient Client { get; }

    public RecordingLogger<SlackApiClient> Log { get; } = new();

    public RecordingLogger<SlackChannelPacer> PacerLog { get; } = new();

    public static async Task<SlackApiHarness> StartAsync(Action<SlackOptions>? configure = null)
    {
        var fake = await FakeSlackApi.StartAsync();
        var options = new SlackOptions
        {
            SigningSecret = fake.SigningSecret,
            BotToken = fake.BotToken,
            ApiBaseUrl = fake.ApiBaseUrl,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRateLimitWait = TimeSpan.FromSeconds(5),
            RequestTimeout = TimeSpan.FromSeconds(10),
            PostInterval = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new SlackApiHarness(fake, options);
    }

    // Neither secret may appear in any log line.
    public void AssertNoSecretsLogged()
    {
        foreach (var line in Log.Lines.Concat(PacerLog.Lines))
        {
            Assert.DoesNotContain(Fake.BotToken, line, StringComparison.Ordinal);
            Assert.DoesNotContain(Fake.SigningSecret, line, StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Fake.DisposeAsync();
    }
}
