using Microsoft.Extensions.Options;

namespace MediaAnalysis.Chat.Slack.Api;

// Slack allows about one message per second per channel. A post or edit takes the channel's turn: one request in
// flight per channel, and the next goes out a full interval after the previous one's answer came back (or after a
// 429's Retry-After), so concurrent jobs in one channel queue up instead of earning 429s. Reserving time slots
// ahead was not enough: a request that took long to reach Slack arrived just before the one reserved after it.
// One instance for the app.
public sealed class SlackChannelPacer(TimeProvider time, IOptions<SlackOptions> options, ILogger<SlackChannelPacer> logger)
{
    private const int SweepEvery = 256;

    private readonly TimeSpan _interval = options.Value.PostInterval;
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _turns;

    // Waits for the channel's turn; dispose the turn once the answer is in (or the request gave up).
    public async Task<IDisposable> WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Lane lane;
        lock (_gate)
        {
            if (++_turns % SweepEvery == 0)
            {
                Sweep(time.GetUtcNow());
            }
            if (!_lanes.TryGetValue(channel, out lane!))
            {
                lane = new Lane();
                _lanes[channel] = lane;
            }
            lane.Users++;
        }
        var turn = new Turn(this, lane);
        try
        {
            await lane.InFlight.WaitAsync(cancellationToken);
        }
        catch
        {
            lock (_gate)
            {
                lane.Users--;
            }
            throw;
        }
        try
        {
            TimeSpan wait;
            lock (_gate)
            {
                wait = lane.Next - time.GetUtcNow();
            }
            if (wait > TimeSpan.Zero)
            {
                SlackLog.PacerWait(logger, channel, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken);
            }
            return turn;
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    // After a 429 on this channel: nothing more goes out there until Slack's Retry-After has passed.
    public void Defer(string channel, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (_lanes.TryGetValue(channel, out var lane))
            {
                lane.Push(time.GetUtcNow() + retryAfter);
            }
        }
    }

    private void Finish(Lane lane)
    {
        lock (_gate)
        {
            lane.Push(time.GetUtcNow() + _interval);
            lane.Users--;
        }
        lane.InFlight.Release();
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var channel in _lanes.Where(e => e.Value.Users == 0 && e.Value.Next < now).Select(e => e.Key).ToList())
        {
            _lanes.Remove(channel);
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim InFlight { get; } = new(1, 1);

        public DateTimeOffset Next { get; private set; }

        public int Users { get; set; }

        public void Push(DateTimeOffset notBefore)
        {
            if (Next < notBefore)
            {
                Next = notBefore;
            }
        }
    }

    private sealed class Turn(SlackChannelPacer pacer, Lane lane) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                pacer.Finish(lane);
            }
        }
    }
}
