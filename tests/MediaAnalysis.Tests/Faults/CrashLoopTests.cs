using System.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using MediaAnalysis.Tests.Queue;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Faults;

// Issue 14, items 4 and 5: a job whose run takes the real `serve` process down each time (SIGKILL while it
// downloads) is tried Queue:MaxAttempts (3) times, then failed with a note the person reads, instead of being
// resumed forever; a SIGTERM in between (a release) does not count. Each start deletes the job folder the killed
// process left under its own instance id in Media:TempPath, and never another instance's.
[Collection(MediaCollection.Name)]
public sealed class CrashLoopTests
{
    [Fact]
    public async Task A_job_that_kills_its_process_is_tried_three_times_then_failed_and_the_person_is_told()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeTrickle("/v.mp4", bytesPerSecond: 2000, totalBytes: 10_000_000);
        var database = Path.Combine(outside.Root, "jobs.db");
        var posts = Path.Combine(outside.Root, "posts.jsonl");
        var temp = Path.Combine(outside.Root, "tmp");
        var mine = Path.Combine(temp, "resume-test");
        var others = Directory.CreateDirectory(Path.Combine(temp, "other-instance", "job-0123")).FullName;
        await File.WriteAllTextAsync(Path.Combine(others, "source.media"), "another instance's download");
        var settings = new Dictionary<string, string?> { ["Media:TempPath"] = temp, ["Queue:ShutdownGrace"] = "00:00:01" };
        var store = new SqliteJobStore(Options.Create(new StorageOptions { ConnectionString = $"Data Source={database}" }), NullLogger<SqliteJobStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        var job = (await store.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k"), 5, DateTimeOffset.UtcNow, CancellationToken.None)).Job!;
        int Downloads() => outside.Files.Requests.Count(r => r.Path == "/v.mp4");

        string? left = null;
        var runs = new[] { "kill", "term", "kill", "kill" };
        for (var run = 0; run < runs.Length; run++)
        {
            using var host = ResumeAfterKillTests.StartHost(outside, database, posts, settings);
            await ResumeAfterKillTests.WaitUntil(() => Task.FromResult(Downloads() == run + 1
                && Directory.Exists(mine) && Directory.EnumerateDirectories(mine, "job-*").Any(d => d != left)));
            // The folder the previous process left is gone; the other instance's stays.
            Assert.Single(Directory.EnumerateDirectories(mine, "job-*"));
            Assert.True(File.Exists(Path.Combine(others, "source.media")));
            left = Directory.EnumerateDirectories(mine, "job-*").Single();
            if (runs[run] == "kill")
            {
                host.Kill(entireProcessTree: true);
            }
            else
            {
                using var term = Process.Start("kill", ["-TERM", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
                await term.WaitForExitAsync();
            }
            await host.WaitForExitAsync();
            Assert.Equal(JobState.Running, (await store.GetAsync(job.Id, CancellationToken.None))!.State);
        }
        Assert.True(Directory.Exists(left), "a killed process leaves its job folder behind");

        using var last = ResumeAfterKillTests.StartHost(outside, database, posts, settings);
        try
        {
            await ResumeAfterKillTests.WaitUntil(async () => (await store.GetAsync(job.Id, CancellationToken.None))!.State == JobState.Failed
                && ResumeAfterKillTests.Lines(posts).Any(l => l.Kind == "status" && l.State == nameof(JobState.Failed)));
        }
        finally
        {
            last.Kill(entireProcessTree: true);
            await last.WaitForExitAsync();
        }

        var failed = (await store.GetAsync(job.Id, CancellationToken.None))!;
        Assert.Equal(5, failed.Attempts);
        Assert.Equal(1, failed.Releases);
        const string note = "The bot stopped 3 times while working on this video, so it will not try again. The operator can find the details in its log.";
        Assert.Equal(note, failed.Note);
        Assert.Contains(ResumeAfterKillTests.Lines(posts), l => l.Kind == "status" && l.State == nameof(JobState.Failed) && l.Note == note);
        Assert.Equal(4, Downloads()); // not a fifth time
        Assert.False(Directory.Exists(left));
        Assert.True(File.Exists(Path.Combine(others, "source.media")));
    }
}
