
namespace MediaAnalysis.Chat.Discord.Api;

// A turn in one bucket, held from sending a request until its answer's headers are read.
internal sealed class RateLimitLease(RateLimitBucket bucket) : IDisposable
{
    private int _released;

    public RateLimitBucket Bucket { get; } = bucket;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Bucket.Turn.Release();
        }
    }
}
