using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MediaAnalysis.Cli;
using MediaAnalysis.Fakes;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Tests.Chat.Slack;

// `serve` with its real /slack endpoints, the fake Slack Web API and file host, and the pipeline's fakes; requests
// signed with the test secret, jobs looked up by the message and file they are about.
public sealed class SlackFlowHarness : IAsyncDisposable
{
    public const string Channel = "C0VIDEOS01";
    public const string Person = "U0PERSON01";
    private static int _triggers;

    private readonly Dictionary<string, string?> _settings;

    private SlackFlowHarness(PipelineHarness outside, FakeSlackApi slack, FakeSlackFile video, Dictionary<string, string?> settings)
    {
        Outside = outside;
        Slack = slack;
        Video = video;
        _settings = settings;
    }

    public PipelineHarness Outside { get; }

    public FakeSlackApi Slack { get; }

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public FakeSlackFile Video { get; }

    public string Database => new SqliteConnectionStringBuilder(_settings["Storage:ConnectionString"]).DataSource;

    public IJobStore Store => App.Services.GetRequiredService<IJobStore>();

    public static async Task<SlackFlowHarness> StartAsync(MediaFiles media, Dictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(media);
        var outside = await PipelineHarness.StartAsync();
        var slack = await FakeSlackApi.StartAsync();
        slack.MinPostSpacing = TimeSpan.FromMilliseconds(25); // the interval below, less a busy machine's scheduling jitter
        var video = slack.HostFile("standup.mp4", await File.ReadAllBytesAsync(media[TestVideoKind.Normal]));
        var database = Path.Combine(outside.Root, "jobs.db");
        var settings = new Dictionary<string, string?>(outside.Settings)
        {
            ["Storage:ConnectionString"] = $"Data Source={database}",
            ["Queue:StatusInterval"] = "00:00:00.200",
            ["Queue:PollInterval"] = "00:00:00.500",
            ["Queue:ShutdownGrace"] = "00:00:01",
            ["Slack:SigningSecret"] = slack.SigningSecret,
            ["Slack:BotToken"] = slack.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:FilesBaseUrl"] = slack.BaseAddress.GetLeftPart(UriPartial.Authority),
            // Slack's ~1 post a second per channel, scaled down tenfold so a job's eight posts take a second, not eight;
            // the fake still checks the spacing (MinPostSpacing), and SlackApiRetryTests checks the real interval.
            ["Slack:PostInterval"] = "00:00:00.100",
            ["Media:AllowedHosts:1"] = slack.BaseAddress.Authority,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        var harness = new SlackFlowHarness(outside, slack, video, settings);
        await harness.ServeAsync();
        return harness;
    }

    // Stops the app and starts another with these settings changed (a database of its own: Storage:ConnectionString).
    public async Task RestartAsync(Dictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        foreach (var (key, value) in changes)
        {
            _settings[key] = value;
        }
        await ServeAsync();
    }

    private async Task ServeAsync()
    {
        App = ServeCommand.Build(["--urls=http://127.0.0.1:0"], _settings);
        await App.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Slack.DisposeAsync();
        await Outside.DisposeAsync();
    }

    // Every job made for this message's video, oldest first.
    public async Task<IReadOnlyList<JobRecord>> JobsForAsync(string ts, string channel = Channel)
    {
        var ids = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM jobs WHERE video_key LIKE @prefix ORDER BY seq";
            command.Parameters.AddWithValue("@prefix", $"{channel}:{ts}:%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetString(0));
            }
        }
        var jobs = new List<JobRecord>();
        foreach (var id in ids)
        {
            jobs.Add((await Store.GetAsync(id, CancellationToken.None))!);
        }
        return jobs;
    }

    // Waits until `count` jobs exist for the message and none of the store's jobs is queued or running.
    public async Task<IReadOnlyList<JobRecord>> WaitForJobsAsync(string ts, int count = 1, string channel = Channel)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var (running, queued) = await Store.CountsAsync(CancellationToken.None);
            var jobs = await JobsForAsync(ts, channel);
            if (running + queued == 0 && jobs.Count >= count)
            {
                await Task.Delay(400); // the final status edit follows the row
                return jobs;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the Slack jobs did not finish");
    }

    // The first job for the message, once it and every other job has ended.
    public async Task<JobRecord> WaitForJobAsync(string ts, string channel = Channel) => (await WaitForJobsAsync(ts, 1, channel))[0];

    public async Task<JobRecord> WaitForFirstJobAsync(string ts, string channel = Channel)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await JobsForAsync(ts, channel)) is [var job, ..])
            {
                return job;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("no Slack job was made");
    }

    public static async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> done, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var value = read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            value = read();
        }
        return value;
    }

    public JsonObject Shortcut(string ts, string channel = Channel, string user = Person) => new()
    {
        ["type"] = "message_action",
        ["callback_id"] = "analyze_video",
        ["trigger_id"] = $"1.2.{Interlocked.Increment(ref _triggers)}",
        ["team"] = new JsonObject { ["id"] = Slack.TeamId, ["domain"] = Slack.TeamDomain },
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "ana", ["team_id"] = Slack.TeamId },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "videos" },
        ["message_ts"] = ts,
        ["message"] = Slack.SeededMessage(channel, ts)!.DeepClone(),
        ["response_url"] = Slack.NewResponseUrl(),
    };

    public JsonObject BlockAction(JsonObject action, string user, string threadTs, string? team = null) => new()
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = team ?? Slack.TeamId },
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team ?? Slack.TeamId },
        ["channel"] = new JsonObject { ["id"] = Channel },
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = Channel, ["thread_ts"] = threadTs },
        ["actions"] = new JsonArray(action),
    };

    public JsonObject CancelClick(string jobId, string user, string threadTs, string? team = null) =>
        BlockAction(new JsonObject { ["type"] = "button", ["action_id"] = "cancel_job", ["value"] = jobId }, user, threadTs, team);

    public JsonObject DeleteClick(string jobId, string user, string threadTs, string? team = null) =>
        BlockAction(new JsonObject { ["type"] = "button", ["action_id"] = "delete_job", ["value"] = jobId }, user, threadTs, team);

    // An event_callback for a seeded message (or any event object).
    public string Event(string id, string type, string ts, string? subtype = null) =>
        Event(id, Slack.SeededMessage(Channel, ts)!.DeepClone().AsObject(), type, subtype);

    // The event_callback envelope Slack sends for `evt` in Channel.
    public string Event(string id, JsonObject evt, string type, string? subtype = null)
    {
        ArgumentNullException.ThrowIfNull(evt);
        evt["type"] = type;
        evt["channel"] = Channel;
        evt["event_ts"] = evt["ts"]?.DeepClone();
        if (subtype is not null)
        {
            evt["subtype"] = subtype;
        }
        return new JsonObject
        {
            ["token"] = "t",
            ["team_id"] = Slack.TeamId,
            ["api_app_id"] = "A0APP",
            ["event"] = evt,
            ["type"] = "event_callback",
            ["event_id"] = id,
            ["event_time"] = 1_700_000_000,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = Slack.TeamId, ["user_id"] = Slack.BotUserId, ["is_bot"] = true }),
        }.ToJsonString();
    }

    public string CommandForm(string text, string responseUrl, string channel = Channel) =>
        $"token=t&team_id={Slack.TeamId}&team_domain={Slack.TeamDomain}&channel_id={channel}&channel_name=videos&user_id={Person}"
        + $"&user_name=ana&command=%2Fanalyze&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}"
        + $"&trigger_id=9.9.{Interlocked.Increment(ref _triggers)}";

    public async Task<HttpResponseMessage> PostAsync(string path, string body, bool form = false, bool raw = false, int? retry = null)
    {
        var text = form && !raw ? "payload=" + Uri.EscapeDataString(body) : body;
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(text, Encoding.UTF8, form ? "application/x-www-form-urlencoded" : "application/json"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", Slack.Sign(stamp, Encoding.UTF8.GetBytes(text)));
        if (retry is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return await Http.SendAsync(request);
    }

    public async Task InteractAsync(JsonObject payload)
    {
        using var response = await PostAsync("/slack/interactivity", payload.ToJsonString(), form: true);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
