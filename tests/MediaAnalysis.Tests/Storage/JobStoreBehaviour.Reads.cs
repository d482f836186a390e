using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Storage;

// What status messages and /healthz read: the job's own row as written by its run, counts, the tenant's queue,
// the recent average run time for wait estimates, the write check.
public abstract partial class JobStoreBehaviour
{
    [StoreFact]
    public async Task A_platform_state_is_replaced_only_while_it_is_still_the_one_expected()
    {
        var job = await Enqueue("A", "a0");
        const string accepted = "{\"token\":\"t\"}";
        await Progress.SavePlatformStateAsync(job.Id, accepted, CancellationToken.None);

        Assert.True(await Progress.ReplacePlatformStateAsync(job.Id, accepted, "{\"message\":\"1\"}", CancellationToken.None));
        Assert.False(await Progress.ReplacePlatformStateAsync(job.Id, accepted, "{\"message\":\"2\"}", CancellationToken.None));
        Assert.False(await Progress.ReplacePlatformStateAsync("no-such-job", accepted, "{}", CancellationToken.None));

        Assert.Equal("{\"message\":\"1\"}", (await Intake.GetAsync(job.Id, CancellationToken.None))!.PlatformState);
    }

    [StoreFact]
    public async Task A_jobs_progress_and_transcript_read_back_whole()
    {
        var job = await Enqueue("A", "a0");
        await Claims.ClaimNextAsync("i/n", T0, TimeSpan.FromMinutes(2), CancellationToken.None);

        await Progress.SetStageAsync(job.Id, "transcribing", CancellationToken.None);
        await Progress.SaveMediaAsync(job.Id, 10_485_760, 93.5, CancellationToken.None);
        await Progress.SavePlatformStateAsync(job.Id, "{\"message\":\"123\"}", CancellationToken.None);
        await Results.SaveTranscriptAsync(job.Id, "Hallo zusammen ✅", "de", null, CancellationToken.None);
        await Results.MarkTranscriptPostedAsync(job.Id, CancellationToken.None);
        var read = (await Intake.GetAsync(job.Id, CancellationToken.None))!;

        Assert.Equal(JobState.Running, read.State);
        Assert.Equal("transcribing", read.Stage);
        Assert.Equal(10_485_760, read.SizeBytes);
        Assert.Equal(93.5, read.MediaSeconds);
        Assert.Equal("{\"message\":\"123\"}", read.PlatformState);
        Assert.Equal("Hallo zusammen ✅", read.Transcript);
        Assert.Equal("de", read.Language);
        Assert.True(read.TranscriptPosted);
        Assert.Equal(1, read.Attempts);
        Assert.Equal(T0, read.StartedAt);
        Assert.Equal(T0, read.CreatedAt);
    }

    [StoreFact]
    public async Task Counts_the_tenants_queue_and_the_recent_average_run_time_are_read_from_the_database()
    {
        Assert.Null(await Intake.RecentAverageDurationAsync(CancellationToken.None));
        var a0 = await Enqueue("A", "a0");
        var a1 = await Enqueue("A", "a1");
        await Enqueue("B", "b0");
        await Claims.ClaimNextAsync("i/n", T0, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Equal((1, 2), await Maintenance.CountsAsync(CancellationToken.None));
        Assert.Equal([a1.Id], (await Intake.QueuedInTenantAsync("test", "A", CancellationToken.None)).Select(j => j.Id));
        Assert.True(await Maintenance.CanWriteAsync(T0, CancellationToken.None));

        await Claims.FinishAsync(a0.Id, JobState.Done, null, T0.AddSeconds(90), CancellationToken.None);
        var b0 = await Claims.ClaimNextAsync("i/n", T0.AddSeconds(100), TimeSpan.FromMinutes(2), CancellationToken.None);
        await Claims.FinishAsync(b0!.Id, JobState.Done, null, T0.AddSeconds(130), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(60), await Intake.RecentAverageDurationAsync(CancellationToken.None));
    }
}
