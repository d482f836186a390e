using MediaAnalysis.Queue;

namespace MediaAnalysis.Tests.Queue;

// Queue:MaxPendingPerGuild was renamed Queue:MaxPendingPerTenant; a deployment that still sets the old key
// keeps its limit, and is told at start to rename it.
public sealed class QueueOptionsTests
{
    [Fact]
    public void The_old_key_is_still_read_when_the_new_one_is_not_set()
    {
        var options = Bind(new() { ["Queue:MaxPendingPerGuild"] = "3" });
        Assert.Equal(3, options.EffectiveMaxPendingPerTenant);
        Assert.True(options.UsesOldPendingKey);
    }

    [Fact]
    public void The_new_key_wins_over_the_old_one()
    {
        var options = Bind(new() { ["Queue:MaxPendingPerGuild"] = "3", ["Queue:MaxPendingPerTenant"] = "7" });
        Assert.Equal(7, options.EffectiveMaxPendingPerTenant);
        Assert.False(options.UsesOldPendingKey);
        Assert.Equal(5, Bind([]).EffectiveMaxPendingPerTenant);
    }

    [Fact]
    public void Queue_MaxAttempts_is_3_unless_set_and_must_be_at_least_1()
    {
        Assert.Equal(3, Bind([]).MaxAttempts);
        Assert.Equal(5, Bind(new() { ["Queue:MaxAttempts"] = "5" }).MaxAttempts);
        Assert.Contains(Bind(new() { ["Queue:MaxAttempts"] = "0" }).Validate(), p => p.StartsWith("Queue:MaxAttempts", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_old_value_is_reported_under_the_old_name()
    {
        var problems = Bind(new() { ["Queue:MaxPendingPerGuild"] = "0" }).Validate().ToList();
        Assert.Contains(problems, p => p.StartsWith("Queue:MaxPendingPerGuild", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_with_the_old_key_limits_the_queue_and_logs_a_warning_at_start()
    {
        await using var outside = await PipelineHarness.StartAsync();
        var logs = new RecordingLoggerProvider();
        await using var harness = await QueueHarness.StartAsync(outside, new() { ["Queue:MaxPendingPerGuild"] = "2" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        Assert.Equal(2, harness.Queue.MaxPendingPerTenant);
        Assert.Contains(logs.Lines, l => l.Contains("Queue:MaxPendingPerGuild is the old name of Queue:MaxPendingPerTenant", StringComparison.Ordinal));
    }

    private static QueueOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(QueueOptions.SectionName).Get<QueueOptions>() ?? new QueueOptions();
}
