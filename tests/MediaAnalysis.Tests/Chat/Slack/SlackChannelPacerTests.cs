using System.Diagnostics;
using MediaAnalysis.Chat.Slack;
using MediaAnalysis.Chat.Slack.Api;

namespace MediaAnalysis.Tests.Chat.Slack;

// One request in flight per channel, and the next a full interval after the previous answer: a request that took
// long to reach Slack must not arrive just before the one queued behind it (seen in CI with time slots reserved ahead).
public sealed class SlackChannelPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly SlackChannelPacer _pacer = new(TimeProvider.System,
        Microsoft.Extensions.Options.Options.Create(new SlackOptions { PostInterval = Interval }), new RecordingLogger<SlackChannelPacer>());

    [Fact]
    public async Task The_next_turn_in_a_channel_waits_for_the_previous_answer_then_a_full_interval()
    {
        var first = await _pacer.WaitTurnAsync("C1", default);
        var second = _pacer.WaitTurnAsync("C1", default);

        await Task.Delay(Interval * 3);
        Assert.False(second.IsCompleted, "the second turn went while the first was still in flight");

        var answered = Stopwatch.StartNew();
        first.Dispose();
        (await second).Dispose();
        Assert.True(answered.Elapsed >= Interval - TimeSpan.FromMilliseconds(15), $"went {answered.Elapsed} after the answer");
    }

    [Fact]
    public async Task Other_channels_and_a_cancelled_waiter_do_not_hold_a_channel()
    {
        using var first = await _pacer.WaitTurnAsync("C1", default);
        using var cancel = new CancellationTokenSource();
        var waiting = _pacer.WaitTurnAsync("C1", cancel.Token);

        var clock = Stopwatch.StartNew();
        (await _pacer.WaitTurnAsync("C2", default)).Dispose();
        Assert.True(clock.Elapsed < Interval, $"a turn in another channel waited {clock.Elapsed}");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();
        (await _pacer.WaitTurnAsync("C1", default).WaitAsync(TimeSpan.FromSeconds(2))).Dispose();
    }

    [Fact]
    public async Task A_429_holds_the_channel_for_its_retry_after()
    {
        var turn = await _pacer.WaitTurnAsync("C1", default);
        _pacer.Defer("C1", TimeSpan.FromMilliseconds(600));
        turn.Dispose();

        var clock = Stopwatch.StartNew();
        (await _pacer.WaitTurnAsync("C1", default)).Dispose();
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(580), $"went {clock.Elapsed} after a 600 ms Retry-After");
    }
}
