
namespace MediaAnalysis.Chat.Discord.Api;

// What Discord last said about one bucket (for one top-level resource). Requests in a bucket go one at a
// time, so the headers of each answer are the truth for the next request.
internal sealed class RateLimitBucket
{
    private readonly Lock _gate = new();
    private int? _remaining;
    private DateTimeOffset _resetAt;

    public SemaphoreSlim Turn { get; } = new(1, 1);

    public DateTimeOffset LastUsed { get; set; }

    public TimeSpan WaitAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _remaining == 0 && _resetAt > now ? _resetAt - now : TimeSpan.Zero;
        }
    }

    public void Observe(int? remaining, DateTimeOffset resetAt)
    {
        lock (_gate)
        {
            _remaining = remaining;
            _resetAt = resetAt;
        }
    }

    public void Exhaust(DateTimeOffset until)
    {
        lock (_gate)
        {
            _remaining = 0;
            _resetAt = until > _resetAt ? until : _resetAt;
        }
    }
}
