using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Tests.Queue;

// Issue 14, item 5: a job's end that the database refuses to write (here a real SQLite trigger aborting the
// update with "database or disk is full") is tried again; and once its worker has given up, the job is not kept
// `running` under a lease this process goes on renewing.
[Collection(MediaCollection.Name)]
public sealed class FinishRetryTests(MediaFiles media)
{
    private const string Refuse = """
        CREATE TRIGGER refuse_end BEFORE UPDATE OF state ON jobs WHEN NEW.state <> 'running' AND NEW.state <> 'queued'
        BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
        """;

    [Fact]
    public async Task An_end_the_database_refuses_for_a_moment_is_stored_once_it_accepts_and_the_person_sees_it()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        await using var q = await QueueHarness.StartAsync(outside);
        await SqlAsync(outside, Refuse);

        var (result, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k"), CancellationToken.None);
        var id = result.Job!.Id;
        await ResumeAfterKillTests.WaitUntil(async () => (await q.Store.GetAnswersAsync(id, CancellationToken.None)).Count == 6);
        await Task.Delay(1500); // the end is refused a few times
        Assert.Equal(JobState.Running, (await q.Store.GetAsync(id, CancellationToken.None))!.State);
        await SqlAsync(outside, "DROP TRIGGER refuse_end");

        var done = await q.WaitForEndAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal(JobState.Done, done.State);
        await ResumeAfterKillTests.WaitUntil(() => Task.FromResult(q.Replier.StatusesOf(id) is [.., { State: JobState.Done }]));
    }

    [Fact]
    public async Task A_job_whose_end_was_never_stored_keeps_no_live_lease_after_its_worker_ended()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        await using var q = await QueueHarness.StartAsync(outside, new() { ["Queue:LeaseDuration"] = "00:00:10" },
            services => services.AddSingleton(new FinishRetry([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)])));
        await SqlAsync(outside, Refuse);

        var (result, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k"), CancellationToken.None);
        var id = result.Job!.Id;
        // The worker gives up on storing the end and tells the person anyway.
        await ResumeAfterKillTests.WaitUntil(() => Task.FromResult(q.Replier.StatusesOf(id) is [.., { State: JobState.Done }]));
        await ResumeAfterKillTests.WaitUntil(() => Task.FromResult(q.App.Services.GetRequiredService<JobWorker>().Running == 0));
        var lease = await LeaseUntilAsync(outside, id);

        await Task.Delay(TimeSpan.FromSeconds(4)); // more than one renewal period (LeaseDuration / 4 = 2.5 s)

        Assert.Equal(JobState.Running, (await q.Store.GetAsync(id, CancellationToken.None))!.State);
        Assert.Equal(lease, await LeaseUntilAsync(outside, id));
        Assert.True(lease < DateTimeOffset.UtcNow.AddSeconds(7).ToUnixTimeMilliseconds(), "the lease lapses: the next start takes the job up");
        await SqlAsync(outside, "DROP TRIGGER refuse_end");
    }

    private static async Task<long> LeaseUntilAsync(PipelineHarness outside, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={QueueHarness.DatabasePath(outside)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT lease_until FROM jobs WHERE id = @id";
        command.Parameters.AddWithValue("@id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task SqlAsync(PipelineHarness outside, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={QueueHarness.DatabasePath(outside)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
