using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using MediaAnalysis.Tests.Pipeline;
using MediaAnalysis.Tests.Queue;

namespace MediaAnalysis.Tests.MultiInstance;

// A cancel clicked on one instance for a job another instance runs (issue 15: cancel works whichever instance got
// the click). B is a real `serve` process extracting audio with its own ffmpeg; A is the app in this test's process,
// on the same PostgreSQL database. A's cancel reaches B through the database (NOTIFY, else B's next lease renewal):
// B kills its ffmpeg and its status names who cancelled.
[Collection(MediaCollection.Name)]
public sealed class CrossInstanceCancelTests : SharedStoreTest
{

    [StoreFact]
    public async Task A_cancel_clicked_on_one_instance_stops_the_job_and_its_ffmpeg_on_the_instance_running_it()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/long.wav", await JobQueueTests.LongWavAsync(outside.Root), "audio/wav");
        using var b = ServeInstance.Start(outside, Database.ConnectionString, "web-b");
        var bTemp = Path.Combine(outside.Root, "tmp-web-b");
        var id = (await Store.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/long.wav"), "A", "k"), 10, DateTimeOffset.UtcNow,
            CancellationToken.None)).Job!.Id;
        await ResumeAfterKillTests.WaitUntil(async () => (await Store.GetAsync(id, CancellationToken.None))!.Stage == "extracting"
            && AudioExtractorTests.FfmpegProcessesUsing(bTemp).Count > 0);
        // A starts only now, so the job can only be B's.
        await using var a = await QueueHarness.StartAsync(outside, new()
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = Database.ConnectionString,
            ["Queue:InstanceId"] = "web-a",
        });

        var asked = DateTimeOffset.UtcNow;
        var outcome = await a.Queue.CancelAsync(id, "@Ana", CancellationToken.None);

        Assert.Equal(CancelOutcome.Cancelling, outcome);
        await ResumeAfterKillTests.WaitUntil(async () => (await Store.GetAsync(id, CancellationToken.None))!.State == JobState.Cancelled
            && b.Lines().Any(l => l.JobId == id && l.Kind == "status" && l.State == nameof(JobState.Cancelled)));
        var job = (await Store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal("Cancelled by @Ana.", job.Note);
        Assert.Equal("@Ana", job.CancelRequestedBy);
        Assert.Equal("Cancelled by @Ana.", b.Lines().Last(l => l.JobId == id && l.Kind == "status").Note);
        Assert.True(job.FinishedAt - asked < ServeInstance.Lease, $"B stopped the job {job.FinishedAt - asked} after the click");
        Assert.Empty(AudioExtractorTests.FfmpegProcessesUsing(bTemp));
        Assert.Empty(outside.Deepgram.Requests);
    }
}
