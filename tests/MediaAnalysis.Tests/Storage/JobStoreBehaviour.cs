using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Storage;

// What every job store must do, written against the role interfaces. A provider runs it by adding one subclass
// that opens a store on a database of the test's own (SqliteJobStoreTests, PostgresJobStoreTests).
public abstract partial class JobStoreBehaviour : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    protected IJobStore Store { get; private set; } = null!;

    private protected IJobIntake Intake => Store;

    private IJobClaims Claims => Store;

    private protected IJobProgress Progress => Store;

    private IJobResults Results => Store;

    private protected IJobMaintenance Maintenance => Store;

    // A store (not yet initialized) on this test's database; every call opens the same database.
    protected abstract IJobStore OpenStore();

    // Removes this test's database.
    protected abstract Task DeleteDatabaseAsync();

    // Sets the job with this key running straight in the database, past the store, while another job of its
    // tenant runs, and asserts that the database itself refuses it (one running job per tenant is its rule).
    protected abstract Task AssertTheDatabaseRefusesASecondRunningJobAsync(string idempotencyKey);

    // Runs SQL straight on this test's database, past the store (schema surgery for the migration test).
    protected abstract Task ExecuteRawAsync(string sql);

    // Every table the migrations make, so a test can build an older database from the first N migrations.
    protected const string DropEveryTable = "DROP TABLE answers; DROP TABLE jobs; DROP TABLE schema_info; DROP TABLE instances; "
        + "DROP TABLE spend_ledger; DROP TABLE spend_notices; DROP TABLE tenant_settings; DROP TABLE settings_changes; DROP TABLE questions;";

    public async Task InitializeAsync()
    {
        Store = OpenStore();
        await Maintenance.InitializeAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => DeleteDatabaseAsync();

    [StoreFact]
    public async Task The_schema_is_created_once_and_survives_a_reopen()
    {
        await Enqueue("A", "k1");
        var reopened = OpenStore();
        await ((IJobMaintenance)reopened).InitializeAsync(CancellationToken.None);

        Assert.NotNull((await ((IJobIntake)reopened).EnqueueAsync(Request("A", "k1"), 5, T0, CancellationToken.None)).Job);
        Assert.Equal(EnqueueOutcome.Duplicate, (await ((IJobIntake)reopened).EnqueueAsync(Request("A", "k1"), 5, T0, CancellationToken.None)).Outcome);
    }

    [StoreFact]
    public async Task A_full_queue_refuses_the_next_job()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(EnqueueOutcome.Created, (await Intake.EnqueueAsync(Request("A", $"k{i}"), 3, T0, CancellationToken.None)).Outcome);
        }

        var refused = await Intake.EnqueueAsync(Request("A", "k3"), 3, T0, CancellationToken.None);
        var otherTenant = await Intake.EnqueueAsync(Request("B", "k4"), 3, T0, CancellationToken.None);

        Assert.Equal(EnqueueOutcome.QueueFull, refused.Outcome);
        Assert.Null(refused.Job);
        Assert.Equal(EnqueueOutcome.Created, otherTenant.Outcome);
    }

    [StoreFact]
    public async Task Queue_positions_count_the_running_job_and_those_ahead()
    {
        var a0 = await Enqueue("A", "a0");
        var a1 = await Enqueue("A", "a1");
        var a2 = await Enqueue("A", "a2");
        Assert.Equal(1, await Intake.QueuePositionAsync(a0.Id, CancellationToken.None));

        await Claims.ClaimNextAsync("w", T0, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Null(await Intake.QueuePositionAsync(a0.Id, CancellationToken.None));
        Assert.Equal(2, await Intake.QueuePositionAsync(a1.Id, CancellationToken.None));
        Assert.Equal(3, await Intake.QueuePositionAsync(a2.Id, CancellationToken.None));
    }

    [StoreFact]
    public async Task Cancelling_a_queued_job_ends_it_and_a_running_one_is_flagged_for_its_worker()
    {
        var running = await Enqueue("A", "a0");
        var queued = await Enqueue("A", "a1");
        await Claims.ClaimNextAsync("w", T0, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.True(await Intake.CancelAsync(queued.Id, "@Ana", T0, CancellationToken.None));
        Assert.False(await Intake.CancelAsync(running.Id, "@Bo", T0, CancellationToken.None));

        Assert.Equal(JobState.Cancelled, (await Intake.GetAsync(queued.Id, CancellationToken.None))!.State);
        Assert.Equal([running.Id], await Claims.RenewLeasesAsync("w", [running.Id], T0, TimeSpan.FromMinutes(2), CancellationToken.None));
    }

    // Re-runs: the same key is the same delivery (a retry) whatever the job's state; a new key for the same video
    // points to the person's queued or running job, and once that job has ended (done, failed, cancelled) makes a new one.
    [Theory]
    [InlineData(JobState.Done)]
    [InlineData(JobState.Failed)]
    [InlineData(JobState.Cancelled)]
    public async Task A_new_request_for_a_video_whose_job_ended_makes_a_new_job(JobState ended)
    {
        var video = QueueHarness.Request(new Uri("https://files.slack.com/a.mp4"), "A", "msg-1", videoKey: "C1:1.2:F1");
        var first = (await Intake.EnqueueAsync(video, 10, T0, CancellationToken.None)).Job!;
        var whileQueued = await Intake.EnqueueAsync(video with { IdempotencyKey = "msg-1:click-2" }, 10, T0, CancellationToken.None);
        await Claims.ClaimNextAsync("w", T0, TimeSpan.FromMinutes(2), CancellationToken.None);
        var whileRunning = await Intake.EnqueueAsync(video with { IdempotencyKey = "msg-1:click-3" }, 10, T0, CancellationToken.None);
        Assert.True(await Claims.FinishAsync(first.Id, ended, null, T0, CancellationToken.None));

        var retry = await Intake.EnqueueAsync(video, 10, T0, CancellationToken.None);
        var again = await Intake.EnqueueAsync(video with { IdempotencyKey = "msg-1:click-4" }, 10, T0, CancellationToken.None);
        var againRetried = await Intake.EnqueueAsync(video with { IdempotencyKey = "msg-1:click-4" }, 10, T0, CancellationToken.None);

        Assert.Equal((EnqueueOutcome.AlreadyActive, first.Id), (whileQueued.Outcome, whileQueued.Job!.Id));
        Assert.Equal((EnqueueOutcome.AlreadyActive, first.Id), (whileRunning.Outcome, whileRunning.Job!.Id));
        Assert.Equal((EnqueueOutcome.Duplicate, first.Id), (retry.Outcome, retry.Job!.Id));
        Assert.Equal(EnqueueOutcome.Created, again.Outcome);
        Assert.NotEqual(first.Id, again.Job!.Id);
        Assert.Equal(JobState.Queued, again.Job.State);
        Assert.Equal((EnqueueOutcome.Duplicate, again.Job.Id), (againRetried.Outcome, againRetried.Job!.Id));
    }

    protected async Task<JobRecord> Enqueue(string tenant, string key) =>
        (await Intake.EnqueueAsync(Request(tenant, key), 10, T0, CancellationToken.None)).Job!;

    private protected static AnalyzeRequest Request(string tenant, string key) =>
        QueueHarness.Request(new Uri("https://cdn.discordapp.com/a.mp4"), tenant, key);
}
