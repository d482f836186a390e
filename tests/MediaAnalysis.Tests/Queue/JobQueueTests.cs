using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using MediaAnalysis.Storage;
using MediaAnalysis.Tests.Pipeline;

namespace MediaAnalysis.Tests.Queue;

[Collection(MediaCollection.Name)]
public sealed class JobQueueTests(MediaFiles media)
{
    [Fact]
    public async Task Tenants_run_side_by_side_up_to_the_bound_and_never_two_at_once_in_one_tenant()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.OpenRouter.Latency = TimeSpan.FromMilliseconds(400);
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        await using var q = await QueueHarness.StartAsync(outside, new() { ["Queue:MaxConcurrentJobs"] = "2" });

        var ids = new List<string>();
        foreach (var tenant in new[] { "A", "B", "C" })
        {
            for (var i = 0; i < 2; i++)
            {
                var (result, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), tenant, $"{tenant}{i}"), CancellationToken.None);
                ids.Add(result.Job!.Id);
            }
        }
        var jobs = new List<JobRecord>();
        foreach (var id in ids)
        {
            jobs.Add(await q.WaitForEndAsync(id));
        }

        Assert.All(jobs, j => Assert.Equal(JobState.Done, j.State));
        foreach (var tenant in jobs.GroupBy(j => j.Tenant))
        {
            var runs = tenant.OrderBy(j => j.StartedAt).ToList();
            Assert.True(runs[0].FinishedAt <= runs[1].StartedAt, $"tenant {tenant.Key} ran two jobs at once");
        }
        // The most jobs running at any instant: look at each start.
        var most = jobs.Max(j => jobs.Count(o => o.StartedAt <= j.StartedAt && j.StartedAt < o.FinishedAt));
        Assert.Equal(2, most);
        Assert.Equal(6, q.Replier.Posts.Count(p => p.Kind == "transcript"));
        Assert.Equal(36, q.Replier.Posts.Count(p => p.Kind == "answer"));
        outside.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task A_duplicate_delivery_makes_one_job_and_one_set_of_replies()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        await using var q = await QueueHarness.StartAsync(outside);
        var request = QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "interaction-1");

        var (first, _) = await q.Queue.EnqueueAsync(request, CancellationToken.None);
        var (second, _) = await q.Queue.EnqueueAsync(request, CancellationToken.None);
        await q.WaitForEndAsync(first.Job!.Id);
        var (late, _) = await q.Queue.EnqueueAsync(request, CancellationToken.None);

        Assert.Equal(EnqueueOutcome.Created, first.Outcome);
        Assert.Equal(EnqueueOutcome.Duplicate, second.Outcome);
        Assert.Equal(EnqueueOutcome.Duplicate, late.Outcome);
        Assert.Equal(first.Job.Id, second.Job!.Id);
        Assert.Single(outside.Deepgram.Requests);
        Assert.Equal(6, outside.OpenRouter.Requests.Count);
        Assert.Equal(7, q.Replier.Posts.Count);
        Assert.Equal(6, q.Replier.Posts.Where(p => p.Kind == "answer").Select(p => (p.Prompt, p.Model)).Distinct().Count());
    }

    [Fact]
    public async Task Answers_are_posted_as_they_arrive_after_the_transcript_none_waiting_for_a_slower_one()
    {
        await using var outside = await PipelineHarness.StartAsync();
        var slow = PipelineHarness.Models[0];
        outside.OpenRouter.LatencyFor = model => model == slow ? TimeSpan.FromSeconds(3) : TimeSpan.Zero;
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        await using var q = await QueueHarness.StartAsync(outside);

        var (result, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k"), CancellationToken.None);
        await q.WaitForEndAsync(result.Job!.Id);

        var posts = q.Replier.Posts;
        Assert.Equal("transcript", posts[0].Kind);
        // The four answers of the fast models are out before the slow model's two, which come last.
        Assert.All(posts.Skip(1).Take(4), p => Assert.NotEqual(slow, p.Model));
        Assert.All(posts.Skip(5), p => Assert.Equal(slow, p.Model));
        var expected = new[] { "Summary", "Review" }.SelectMany(p => PipelineHarness.Models.Select(m => (p, m)));
        Assert.Equal(expected.Order(), posts.Skip(1).Select(p => (p.Prompt!, p.Model!)).Order());
        var final = q.Replier.StatusesOf(result.Job.Id)[^1];
        Assert.Equal(JobState.Done, final.State);
        Assert.All(final.Calls, c => Assert.Equal(CallState.Succeeded, c.State));
    }

    [Fact]
    public async Task The_same_person_asking_again_is_pointed_at_the_running_job()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Deepgram.Latency = TimeSpan.FromSeconds(1);
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        await using var q = await QueueHarness.StartAsync(outside);

        var (first, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "i1", videoKey: "att-1"), CancellationToken.None);
        var (again, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "i2", videoKey: "att-1"), CancellationToken.None);
        var (other, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "i3", requester: "U2", videoKey: "att-1"), CancellationToken.None);

        Assert.Equal(EnqueueOutcome.AlreadyActive, again.Outcome);
        Assert.Equal(first.Job!.Id, again.Job!.Id);
        Assert.Equal(EnqueueOutcome.Created, other.Outcome);
        await q.WaitForEndAsync(other.Job!.Id);
    }

    [Fact]
    public async Task Queue_positions_move_up_as_jobs_finish()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Deepgram.Latency = TimeSpan.FromMilliseconds(700);
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        await using var q = await QueueHarness.StartAsync(outside);

        var statuses = new List<JobStatus>();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (result, status) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", $"k{i}"), CancellationToken.None);
            ids.Add(result.Job!.Id);
            statuses.Add(status!);
            await Task.Delay(150); // let the first one start
        }
        await q.WaitForEndAsync(ids[2]);

        Assert.Equal(2, statuses[1].QueuePosition);
        Assert.Equal(3, statuses[2].QueuePosition);
        var third = q.Replier.StatusesOf(ids[2]).Where(s => s.State == JobState.Queued).Select(s => s.QueuePosition).ToList();
        Assert.Contains(2, third);
        Assert.NotNull(q.Replier.StatusesOf(ids[2]).Last(s => s.State == JobState.Queued).EstimatedWait);
    }

    [Fact]
    public async Task A_timeout_stops_the_job_kills_ffmpeg_and_tells_the_person()
    {
        await using var outside = await PipelineHarness.StartAsync();
        var wav = await LongWavAsync(outside.Root);
        outside.Files.ServeFile("/long.wav", wav, "audio/wav");
        await using var q = await QueueHarness.StartAsync(outside, new() { ["Queue:JobTimeout"] = "00:00:02" });

        var (result, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/long.wav"), "A", "k"), CancellationToken.None);
        var job = await q.WaitForEndAsync(result.Job!.Id);

        Assert.Equal(JobState.TimedOut, job.State);
        Assert.Equal("Stopped after 2 s (the limit set for this bot).", job.Note);
        Assert.Equal(JobState.TimedOut, q.Replier.StatusesOf(job.Id)[^1].State);
        Assert.Empty(AudioExtractorTests.FfmpegProcessesUsing(outside.TempPath));
        outside.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task Cancelling_a_running_job_kills_ffmpeg_and_says_who()
    {
        await using var outside = await PipelineHarness.StartAsync();
        var wav = await LongWavAsync(outside.Root);
        outside.Files.ServeFile("/long.wav", wav, "audio/wav");
        await using var q = await QueueHarness.StartAsync(outside);

        var (result, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/long.wav"), "A", "k"), CancellationToken.None);
        while ((await q.Store.GetAsync(result.Job!.Id, CancellationToken.None))!.Stage != "extracting")
        {
            await Task.Delay(20);
        }
        await Task.Delay(200);
        var outcome = await q.Queue.CancelAsync(result.Job.Id, "@Ana", CancellationToken.None);
        var job = await q.WaitForEndAsync(result.Job.Id, TimeSpan.FromSeconds(10));

        Assert.Equal(CancelOutcome.Cancelling, outcome);
        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Equal("Cancelled by @Ana.", job.Note);
        Assert.Empty(AudioExtractorTests.FfmpegProcessesUsing(outside.TempPath));
        outside.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task Cancelling_a_queued_job_ends_it_at_once()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Deepgram.Latency = TimeSpan.FromSeconds(1);
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        await using var q = await QueueHarness.StartAsync(outside);

        var (first, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k1"), CancellationToken.None);
        var (second, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k2"), CancellationToken.None);
        var outcome = await q.Queue.CancelAsync(second.Job!.Id, "@Ana", CancellationToken.None);

        Assert.Equal(CancelOutcome.Cancelled, outcome);
        Assert.Equal(JobState.Cancelled, q.Replier.StatusesOf(second.Job.Id)[^1].State);
        await q.WaitForEndAsync(first.Job!.Id);
        Assert.Equal(JobState.Cancelled, (await q.Store.GetAsync(second.Job.Id, CancellationToken.None))!.State);
        Assert.Single(outside.Deepgram.Requests);
    }

    [Fact]
    public async Task Shutdown_lets_a_running_job_finish_within_the_grace()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        outside.Deepgram.Latency = TimeSpan.FromSeconds(1.5);
        string id;
        await using (var q = await QueueHarness.StartAsync(outside, new() { ["Queue:ShutdownGrace"] = "00:00:10" }))
        {
            id = (await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k"), CancellationToken.None)).Result.Job!.Id;
            while ((await q.Store.GetAsync(id, CancellationToken.None))!.State != JobState.Running)
            {
                await Task.Delay(20);
            }
        } // StopAsync: what SIGTERM does

        var job = await (await StoreAt(outside)).GetAsync(id, CancellationToken.None);
        Assert.Equal(JobState.Done, job!.State);
    }

    [Fact]
    public async Task A_job_longer_than_the_grace_is_left_running_and_resumes_on_the_next_start()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        outside.Deepgram.Latency = TimeSpan.FromSeconds(30);
        string id;
        await using (var q = await QueueHarness.StartAsync(outside, new() { ["Queue:ShutdownGrace"] = "00:00:01" }))
        {
            id = (await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k"), CancellationToken.None)).Result.Job!.Id;
            while ((await q.Store.GetAsync(id, CancellationToken.None))!.Stage != "transcribing")
            {
                await Task.Delay(20);
            }
        }
        Assert.Equal(JobState.Running, (await (await StoreAt(outside)).GetAsync(id, CancellationToken.None))!.State);

        outside.Deepgram.Latency = TimeSpan.Zero;
        await using var next = await QueueHarness.StartAsync(outside);
        var resumed = await next.WaitForEndAsync(id);

        Assert.Equal(JobState.Done, resumed.State);
        Assert.Equal(2, resumed.Attempts);
        Assert.Contains(next.Replier.StatusesOf(id), s => s.Note == "The bot restarted; picking up where it left off.");
    }

    private static async Task<SqliteJobStore> StoreAt(PipelineHarness outside)
    {
        var store = new SqliteJobStore(
            Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = $"Data Source={QueueHarness.DatabasePath(outside)}" }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteJobStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task A_bad_video_fails_the_job_with_its_reason()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/mute.mp4", media[TestVideoKind.NoAudio]);
        await using var q = await QueueHarness.StartAsync(outside);

        var (result, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/mute.mp4"), "A", "k"), CancellationToken.None);
        var job = await q.WaitForEndAsync(result.Job!.Id);

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal("This video has no sound, so there is nothing to transcribe.", job.Note);
        Assert.Empty(q.Replier.Posts);
    }

    // Ten minutes of PCM audio: its extraction encodes for seconds, long enough to stop mid-way.
    internal static async Task<string> LongWavAsync(string directory)
    {
        var path = Path.Combine(directory, "long.wav");
        using var process = System.Diagnostics.Process.Start("ffmpeg", $"-y -v error -f lavfi -i sine=frequency=300:duration=900 -c:a pcm_s16le \"{path}\"");
        await process.WaitForExitAsync();
        return path;
    }
}
