using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using MediaAnalysis.Tests.Queue;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Faults;

// A batch across tenants, the real `serve` process SIGKILLed twice while it works, a third run on the same
// database: every job ends done, each with one transcript and six answers posted, none twice.
[Collection(MediaCollection.Name)]
public sealed class KillTwiceTests(MediaFiles media)
{
    [Fact]
    public async Task A_batch_survives_two_kill_9s_with_nothing_lost_or_posted_twice()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.OpenRouter.LatencyFor = _ => TimeSpan.FromMilliseconds(300 + Random.Shared.Next(900));
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        var database = Path.Combine(outside.Root, "jobs.db");
        var posts = Path.Combine(outside.Root, "posts.jsonl");
        var store = new SqliteJobStore(Options.Create(new StorageOptions { ConnectionString = $"Data Source={database}" }), NullLogger<SqliteJobStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        var jobs = new List<string>();
        foreach (var (tenant, key) in new[] { ("A", "k1"), ("B", "k2"), ("C", "k3"), ("A", "k4"), ("B", "k5") })
        {
            jobs.Add((await store.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), tenant, key, videoKey: key), 10, DateTimeOffset.UtcNow, CancellationToken.None)).Job!.Id);
        }
        async Task<int> Answers() => (await Task.WhenAll(jobs.Select(j => store.GetAnswersAsync(j, CancellationToken.None)))).Sum(a => a.Count);

        // First kill: in the middle of the first fan-outs.
        using (var first = ResumeAfterKillTests.StartHost(outside, database, posts))
        {
            await ResumeAfterKillTests.WaitUntil(async () => await Answers() >= 3);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var afterFirst = await Answers();

        // Second kill: after the restarted process got further, with work still under way.
        using (var second = ResumeAfterKillTests.StartHost(outside, database, posts))
        {
            await ResumeAfterKillTests.WaitUntil(async () => await Answers() >= afterFirst + 6);
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
        Assert.True(await Answers() < jobs.Count * 6, "the second kill came after all the work");

        using var third = ResumeAfterKillTests.StartHost(outside, database, posts);
        try
        {
            await ResumeAfterKillTests.WaitUntil(async () =>
                (await Task.WhenAll(jobs.Select(j => store.GetAsync(j, CancellationToken.None)))).All(j => j!.State is not (JobState.Queued or JobState.Running)));
        }
        finally
        {
            third.Kill(entireProcessTree: true);
            await third.WaitForExitAsync();
        }

        var lines = ResumeAfterKillTests.Lines(posts);
        foreach (var id in jobs)
        {
            Assert.Equal(JobState.Done, (await store.GetAsync(id, CancellationToken.None))!.State);
            Assert.Single(lines, l => l.JobId == id && l.Kind == "transcript");
            var answers = lines.Where(l => l.JobId == id && l.Kind == "answer").Select(l => (l.Prompt, l.Model)).ToList();
            Assert.Equal(6, answers.Count);
            Assert.Equal(6, answers.Distinct().Count());
        }
        // Model calls: each pair answered is never asked again; a call cut by a kill is asked once more. A kill
        // cuts at most the calls in flight: two jobs run at once (Queue:MaxConcurrentJobs' default), six each.
        const int kills = 2, runningAtOnce = 2;
        Assert.InRange(outside.OpenRouter.Requests.Count, jobs.Count * 6, (jobs.Count * 6) + (kills * runningAtOnce * 6));
    }
}
