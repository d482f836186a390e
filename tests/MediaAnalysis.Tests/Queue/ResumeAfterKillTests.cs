using System.Diagnostics;
using System.Text.Json;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Queue;

// A real `serve` process is killed with SIGKILL in the middle of the fan-out, and a new one is started on
// the same database file: it must resume, ask only the missing model calls and post only what is missing.
[Collection(MediaCollection.Name)]
public sealed class ResumeAfterKillTests(MediaFiles media)
{
    [Fact]
    public async Task A_job_killed_mid_fan_out_resumes_and_posts_only_the_missing_answers()
    {
        await using var outside = await PipelineHarness.StartAsync();
        var slow = PipelineHarness.Models[2];
        outside.OpenRouter.LatencyFor = model => model == slow ? TimeSpan.FromSeconds(60) : TimeSpan.Zero;
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        // One model's replies carry no usage.cost: the ledger prices its tokens with Pricing:Models.
        var priced = PipelineHarness.Models[1];
        outside.OpenRouter.CostlessModels[priced] = true;
        outside.Settings["Pricing:Models:0:Id"] = priced;
        outside.Settings["Pricing:Models:0:PromptUsdPerMillion"] = "100";
        outside.Settings["Pricing:Models:0:CompletionUsdPerMillion"] = "400";
        var database = Path.Combine(outside.Root, "jobs.db");
        var posts = Path.Combine(outside.Root, "posts.jsonl");
        var store = new SqliteJobStore(Options.Create(new StorageOptions { ConnectionString = $"Data Source={database}" }), NullLogger<SqliteJobStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);

        string jobId;
        using (var first = StartHost(outside, database, posts))
        {
            var job = (await store.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k"), 5, DateTimeOffset.UtcNow, CancellationToken.None)).Job!;
            // The four answers of the two fast models are posted as they came; the slow model's two are missing.
            await WaitUntil(async () => (await store.GetAnswersAsync(job.Id, CancellationToken.None)).Count == 4 && Lines(posts).Count(l => l.Kind == "answer") == 4);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            jobId = job.Id;
        }
        Assert.Equal(2, outside.OpenRouter.Requests.Count(r => r.Model == slow));

        outside.OpenRouter.LatencyFor = null;
        using var second = StartHost(outside, database, posts);
        try
        {
            await WaitUntil(async () => (await store.GetAsync(jobId, CancellationToken.None))!.State is not (JobState.Queued or JobState.Running)
                && Lines(posts).Any(l => l.Kind == "status" && l.State == nameof(JobState.Done)));
            var done = (await store.GetAsync(jobId, CancellationToken.None))!;
            Assert.Equal(JobState.Done, done.State);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        var lines = Lines(posts);
        Assert.Single(lines, l => l.Kind == "transcript");
        var answers = lines.Where(l => l.Kind == "answer").Select(l => (l.Prompt, l.Model)).ToList();
        Assert.Equal(6, answers.Count);
        Assert.Equal(6, answers.Distinct().Count());
        Assert.Contains(lines, l => l.Kind == "status" && l.Note == "The bot restarted; picking up where it left off.");
        Assert.Single(outside.Deepgram.Requests);
        Assert.Equal(2, outside.OpenRouter.Requests.Count(r => r.Model == PipelineHarness.Models[0]));
        Assert.Equal(2, outside.OpenRouter.Requests.Count(r => r.Model == PipelineHarness.Models[1]));
        Assert.Equal(4, outside.OpenRouter.Requests.Count(r => r.Model == slow));
        await AssertBilledOnceAsync(database, jobId, priced);
    }

    // The ledger after the kill and the resume: Deepgram once (its minutes × the default price), and each of the six
    // answers once, at usage.cost when the reply had it, else at its tokens × Pricing:Models.
    private static async Task AssertBilledOnceAsync(string database, string jobId, string priced)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT l.call_key, l.kind, l.model, l.minutes, l.nano_usd, a.cost, a.prompt_tokens, a.completion_tokens
            FROM spend_ledger l LEFT JOIN answers a ON a.job_id = l.job_id AND l.call_key = 'model:' || a.prompt || '|' || a.model
            WHERE l.job_id = @id ORDER BY l.call_key
            """;
        command.Parameters.AddWithValue("@id", jobId);
        var rows = new List<(string Call, string Kind, string? Model, double? Minutes, long Nanos, string? Cost, long? In, long? Out)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7)));
            }
        }
        var deepgram = Assert.Single(rows, r => r.Kind == "deepgram");
        Assert.True(deepgram.Minutes > 0);
        Assert.Equal((long)Math.Round((decimal)deepgram.Minutes!.Value * 0.0043m * 1_000_000_000m), deepgram.Nanos);
        var models = rows.Where(r => r.Kind == "model").ToList();
        Assert.Equal(6, models.Count);
        Assert.All(models, r =>
        {
            Assert.NotNull(r.In);
            var usd = r.Model == priced
                ? (r.In!.Value * 100m + r.Out!.Value * 400m) / 1_000_000m
                : decimal.Parse(r.Cost!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(usd > 0);
            Assert.Equal((long)Math.Round(usd * 1_000_000_000m), r.Nanos);
        });
        Assert.All(models.Where(r => r.Model == priced), r => Assert.Null(r.Cost));
    }

    internal static Process StartHost(PipelineHarness outside, string database, string posts, Dictionary<string, string?>? extra = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaAnalysis.TestHost.dll"));
        start.ArgumentList.Add(posts);
        var settings = new Dictionary<string, string?>(outside.Settings)
        {
            ["Storage:ConnectionString"] = $"Data Source={database}",
            ["Queue:InstanceId"] = "resume-test",
            ["Queue:PollInterval"] = "00:00:00.200",
            ["Queue:StatusInterval"] = "00:00:00.200",
            ["urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in 60 s");
            }
            await Task.Delay(100);
        }
    }

    internal static List<Line> Lines(string path) => File.Exists(path)
        ? [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Line>(l, Json)!)]
        : [];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    internal sealed record Line(string JobId, string Kind, string? Prompt, string? Model, string? State, string? Note);
}
