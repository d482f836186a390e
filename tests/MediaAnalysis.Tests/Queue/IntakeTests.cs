using MediaAnalysis.Jobs;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Tests.Queue;

// The one intake reports a store it cannot use as an outcome, logged once by the queue; no platform sees the exception.
public sealed class IntakeTests
{
    [Fact]
    public async Task A_broken_store_is_an_outcome_not_an_exception()
    {
        await using var outside = await PipelineHarness.StartAsync();
        var logs = new RecordingLoggerProvider();
        await using var q = await QueueHarness.StartAsync(outside, configure: services => services.AddSingleton<ILoggerProvider>(logs));
        // A real database failure: the jobs table is gone under the running app.
        await using (var connection = new SqliteConnection($"Data Source={QueueHarness.DatabasePath(outside)}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE jobs";
            await drop.ExecuteNonQueryAsync();
        }

        var (result, status) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "broken-1"), CancellationToken.None);

        Assert.Equal(EnqueueOutcome.StoreUnavailable, result.Outcome);
        Assert.Null(result.Job);
        Assert.Null(status);
        Assert.Single(logs.Lines, l => l.Contains("Job store unavailable; test request broken-1 turned away", StringComparison.Ordinal));
    }
}
