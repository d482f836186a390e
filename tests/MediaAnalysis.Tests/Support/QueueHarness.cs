using MediaAnalysis.Cli;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Support;

// `serve` in-process with the test adapter, a real SQLite file and the pipeline's fakes.
public sealed class QueueHarness : IAsyncDisposable
{
    private QueueHarness(PipelineHarness outside, WebApplication app, RecordingReplier replier)
    {
        Outside = outside;
        App = app;
        Replier = replier;
    }

    public PipelineHarness Outside { get; }

    public WebApplication App { get; }

    public RecordingReplier Replier { get; }

    public JobQueue Queue => App.Services.GetRequiredService<JobQueue>();

    public IJobStore Store => App.Services.GetRequiredService<IJobStore>();

    public static string DatabasePath(PipelineHarness outside) => Path.Combine(outside.Root, "jobs.db");

    public static async Task<QueueHarness> StartAsync(
        PipelineHarness outside,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var replier = new RecordingReplier();
        var all = new Dictionary<string, string?>(outside.Settings)
        {
            ["Storage:ConnectionString"] = $"Data Source={DatabasePath(outside)}",
            ["Queue:StatusInterval"] = "00:00:00.200",
            ["Queue:PollInterval"] = "00:00:00.500",
            ["Queue:ShutdownGrace"] = "00:00:02",
            ["Queue:InstanceId"] = "test-instance",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        var app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], all, services =>
        {
            services.AddSingleton<IChatReplier>(replier);
            configure?.Invoke(services);
        });
        await app.StartAsync();
        return new QueueHarness(outside, app, replier);
    }

    public static AnalyzeRequest Request(Uri video, string tenant, string key, string requester = "U1", string? videoKey = null) => new()
    {
        Platform = "test",
        Tenant = tenant,
        Channel = "C1",
        RequesterId = requester,
        RequesterName = "Ana",
        IdempotencyKey = key,
        VideoKey = videoKey ?? key,
        VideoUrl = video,
        SourceName = "clip.mp4",
    };

    public async Task<JobRecord> WaitForEndAsync(string jobId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var job = await Store.GetAsync(jobId, CancellationToken.None);
            if (job is { State: not (JobState.Queued or JobState.Running) })
            {
                // The final status is shown right after the row is written.
                await Task.Delay(100);
                return job;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"job {jobId} did not finish");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
