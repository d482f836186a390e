using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Storage;

// A server's settings, their history and each job's snapshot, on both providers.
public abstract partial class JobStoreBehaviour
{
    private ITenantSettingsStore Settings => (ITenantSettingsStore)Store;

    [StoreFact]
    public async Task Settings_are_written_with_their_change_and_a_stale_version_writes_nothing()
    {
        Assert.Null(await Settings.GetSettingsAsync("discord", "G1", CancellationToken.None));

        Assert.True(await Settings.SaveSettingsAsync("discord", "G1", 0, """{"verdict":true}""", Change(1, "<@1>", "panel verdict on"), T0, CancellationToken.None));
        Assert.False(await Settings.SaveSettingsAsync("discord", "G1", 0, """{"verdict":false}""", Change(2, "<@2>", "lost"), T0, CancellationToken.None));
        Assert.True(await Settings.SaveSettingsAsync("discord", "G1", 1, """{"verdict":false}""", Change(3, "<@2>", "panel verdict off"), T0, CancellationToken.None));
        Assert.False(await Settings.SaveSettingsAsync("discord", "G1", 1, """{"x":1}""", Change(4, "<@3>", "stale"), T0, CancellationToken.None));

        Assert.Equal(new StoredSettings("""{"verdict":false}""", 2), await Settings.GetSettingsAsync("discord", "G1", CancellationToken.None));
        Assert.Null(await Settings.GetSettingsAsync("slack", "G1", CancellationToken.None));
        var history = await Settings.RecentChangesAsync("discord", "G1", 5, CancellationToken.None);
        Assert.Equal(["panel verdict off", "panel verdict on"], history.Select(c => c.What));
        Assert.Equal((T0.AddMinutes(3), "<@2>"), (history[0].At, history[0].By));
    }

    [StoreFact]
    public async Task The_history_lists_the_newest_changes_first_up_to_the_count()
    {
        for (var i = 0; i < 7; i++)
        {
            Assert.True(await Settings.SaveSettingsAsync("slack", "T1", i, "{}", Change(i, "<@U1>", $"change {i}"), T0, CancellationToken.None));
        }

        var history = await Settings.RecentChangesAsync("slack", "T1", 5, CancellationToken.None);

        Assert.Equal(["change 6", "change 5", "change 4", "change 3", "change 2"], history.Select(c => c.What));
    }

    [StoreFact]
    public async Task A_job_keeps_the_first_snapshot_of_its_settings()
    {
        var job = await Enqueue("A", "snap");
        Assert.Null(job.SettingsSnapshot);

        var first = await Settings.SnapshotSettingsAsync(job.Id, """{"models":["a","b","c"]}""", CancellationToken.None);
        var second = await Settings.SnapshotSettingsAsync(job.Id, """{"models":["x","y","z"]}""", CancellationToken.None);

        Assert.Equal("""{"models":["a","b","c"]}""", first);
        Assert.Equal(first, second);
        Assert.Equal(first, (await Intake.GetAsync(job.Id, CancellationToken.None))!.SettingsSnapshot);
    }

    [StoreFact]
    public async Task Settings_and_their_history_outlive_the_retention_of_jobs()
    {
        var old = await Enqueue("A", "old");
        await Settings.SnapshotSettingsAsync(old.Id, "{}", CancellationToken.None);
        await Settings.SaveSettingsAsync("test", "A", 0, """{"verdict":true}""", Change(0, "<@1>", "panel verdict on"), T0.AddDays(-30), CancellationToken.None);
        await Store.FinishAsync(old.Id, JobState.Done, null, T0.AddDays(-8), CancellationToken.None);

        Assert.Equal(1, await Maintenance.DeleteFinishedBeforeAsync(T0.AddDays(-7), CancellationToken.None));

        Assert.NotNull(await Settings.GetSettingsAsync("test", "A", CancellationToken.None));
        Assert.Single(await Settings.RecentChangesAsync("test", "A", 5, CancellationToken.None));
    }

    [StoreFact]
    public async Task Jobs_stored_before_snapshots_were_kept_run_with_the_operators_defaults()
    {
        await ExecuteRawAsync(DropEveryTable);
        foreach (var migration in JobSchema.Migrations.Take(5))
        {
            await ExecuteRawAsync(migration);
        }
        await ExecuteRawAsync("UPDATE schema_info SET version = 5");
        await ExecuteRawAsync("""
            INSERT INTO jobs (id, idempotency_key, platform, tenant, channel, requester_id, requester_name, video_key, video_url, source_name,
                              state, seq, created_at)
            VALUES ('old5', 'old5-key', 'discord', 'A', 'c', 'u', 'Ana', 'v', 'https://cdn.discordapp.com/a.mp4', 'a.mp4', 'queued', 1, 1000)
            """);

        var reopened = OpenStore();
        await ((IJobMaintenance)reopened).InitializeAsync(CancellationToken.None);
        var old = await ((IJobIntake)reopened).GetAsync("old5", CancellationToken.None);
        var kept = await ((ITenantSettingsStore)reopened).SnapshotSettingsAsync("old5", """{"models":["a","b","c"]}""", CancellationToken.None);

        Assert.Equal("", old!.SettingsSnapshot);
        Assert.Equal("", kept);
        Assert.Same(JobSettings.Operator, JobSettings.Parse(kept));
        await DisposeExtraAsync([Store, reopened]);
    }

    private static SettingsChange Change(int minutes, string by, string what) => new(T0.AddMinutes(minutes), by, what);
}
