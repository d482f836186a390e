using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Queue;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Queue;

// A server's own verdict switch (its settings when the job started) wins over the operator's, either way.
public sealed class VerdictSwitchTests
{
    [Theory]
    [InlineData(false, null, false)]
    [InlineData(true, null, true)]
    [InlineData(false, true, true)]
    [InlineData(true, false, false)]
    public async Task The_servers_switch_wins_over_the_operators(bool operatorOn, bool? serverOn, bool expected)
    {
        var analysis = new AnalysisOptions();
        analysis.Verdict.Enabled = operatorOn;
        var job = new JobRecord
        {
            Id = "j1", IdempotencyKey = "k1", Platform = "discord", Tenant = "g1", Channel = "c1", RequesterId = "u1",
            RequesterName = "Ana", VideoKey = "v1", VideoUrl = new Uri("https://cdn.discordapp.com/a.mp4"), SourceName = "a.mp4",
            SettingsSnapshot = serverOn is null ? "" : new JobSettings { Verdict = serverOn }.Serialize(),
        };

        Assert.Equal(expected, await new VerdictSwitch(Options.Create(analysis)).IsOnAsync(job, CancellationToken.None));
    }
}
