using Microsoft.Extensions.Options;

namespace MediaAnalysis.Chat.Slack.Api;

// Slack allows about one message per second per channel. Each post or edit reserves the channel's next slot and
// waits for it, so concurrent jobs in one channel queue up instead of earning 429s. One instance for the app.
public sealed class SlackChannelPacer(TimeProvider time, IOptions<SlackOptions> options, ILogger<SlackChannelPacer> logger)
{
    private const int SweepEvery = 256;

    private readonly TimeSpan _interval = options.Value.PostInterval;
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _reservations;

    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _next.TryGetValue(channel, out var next) && next > now ? next : now;
            _next[channel] = slot + _interval;
            wait = slot - now;
            if (++_reservations % SweepEvery == 0)
            {
                Sweep(now);
            }
        }
        if (wait > TimeSpan.Zero)
        {
            SlackLog.PacerWait(logger, channel, wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    // A post's answer is in: the next one waits a full interval from now, however late this one went out, so
    // slots reserved ahead of a slow first request never arrive at Slack back to back.
    public void Sent(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            var after = time.GetUtcNow() + _interval;
            if (!_next.TryGetValue(channel, out var next) || next < after)
            {
                _next[channel] = after;
            }
        }
    }

    // After a 429 on this channel: nothing more goes out there until Slack's Retry-After has passed.
    public void Defer(string channel, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (!_next.TryGetValue(channel, out var next) || next < until)
            {
                _next[channel] = until;
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var channel in _next.Where(e => e.Value < now).Select(e => e.Key).ToList())
        {
            _next.Remove(channel);
        }
    }
}
