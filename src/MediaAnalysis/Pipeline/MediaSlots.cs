using MediaAnalysis.Pipeline.Download;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline;

// At most Media:MaxConcurrentDownloads jobs download, probe and extract at once. Each holds a video on disk
// and an ffmpeg child of 20-30 MiB (Debian's ffmpeg maps ~40 MiB of libraries, shared, plus ~12 MiB of its
// own, plus the sample tables of a long video): with four jobs running, four children would take the
// 256 MB machine past what it can give. Transcription and the model calls, which only wait on the network,
// are not bounded here.
public sealed class MediaSlots(IOptions<MediaOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentDownloads, options.Value.MaxConcurrentDownloads);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
