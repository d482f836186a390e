using System.Buffers;
using MediaAnalysis.Pipeline.Download;
using Microsoft.Win32.SafeHandles;

namespace MediaAnalysis.Pipeline.Audio;

// The copy of an AAC track to ADTS: the track's frames, each behind its ADTS header, in file order.
internal static class Mp4AdtsCopy
{
    // The file is read front to back in 1 MiB steps, through the video between audio chunks, as `cat` reads
    // it: from a cold cache, reads of just the audio chunks (a few hundred KB to a few MB apart), seeking past
    // the video, defeat the kernel's read-ahead (12 s for 1 GB on this VM's disk against 1.5 s for `cat`).
    // Only a gap of more than SkipAhead (audio not interleaved) is skipped.
    private const int WindowBytes = 1024 * 1024;
    private const long SkipAhead = 8 * 1024 * 1024;
    private const int OutputBytes = 64 * 1024;

    // Writes the track as ADTS to `output`. With `growing`, the file is still downloading: each chunk is read
    // once the download has passed it. Returns false if the file ended before the track did (a file cut short).
    public static async Task<bool> CopyAsync(Mp4SampleTable table, byte[] adtsHeader, string input, string output, GrowingFile? growing, CancellationToken cancellationToken)
    {
        // SequentialScan: posix_fadvise(SEQUENTIAL), a larger kernel read-ahead.
        using var source = File.OpenHandle(input, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var target = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        // Pooled: a job's 1 MiB would otherwise be a large-object allocation each time, and a full collection.
        var window = ArrayPool<byte>.Shared.Rent(WindowBytes);
        var pending = ArrayPool<byte>.Shared.Rent(OutputBytes);
        try
        {
            return await CopyAsync(table, adtsHeader, source, target, window.AsMemory(0, WindowBytes), pending.AsMemory(0, OutputBytes), growing, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(window);
            ArrayPool<byte>.Shared.Return(pending);
        }
    }

    private static async Task<bool> CopyAsync(
        Mp4SampleTable table, byte[] adtsHeader, SafeFileHandle source, FileStream target, Memory<byte> window, Memory<byte> pending, GrowingFile? growing, CancellationToken cancellationToken)
    {
        long windowStart = 0;
        var windowLength = 0;
        var pendingLength = 0;
        foreach (var (chunkOffset, firstSample, samples) in table.Chunks())
        {
            var offset = chunkOffset;
            for (var sample = firstSample; sample < firstSample + samples; sample++)
            {
                var size = table.SampleSize(sample);
                while (offset < windowStart || offset + size > windowStart + windowLength)
                {
                    // The next read starts where the last one ended, unless the sample is far ahead.
                    var windowEnd = windowStart + windowLength;
                    windowStart = windowLength > 0 && offset >= windowEnd && offset - windowEnd < SkipAhead ? windowEnd : offset;
                    // Never past the last audio byte: a download is awaited only as far as the track goes.
                    var want = (int)Math.Min(window.Length, Math.Max(offset + size - windowStart, table.DataEnd - windowStart));
                    if (growing is not null && !await growing.WaitForAsync(windowStart + want, cancellationToken))
                    {
                        return false;
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                    windowLength = await ReadFullyAsync(source, window[..want], windowStart, cancellationToken);
                    if (windowLength < want)
                    {
                        return false;
                    }
                }
                if (pendingLength + AdtsFraming.HeaderBytes + size > pending.Length)
                {
                    await target.WriteAsync(pending[..pendingLength], cancellationToken);
                    pendingLength = 0;
                }
                AdtsFraming.Write(pending.Span[pendingLength..], adtsHeader, size);
                pendingLength += AdtsFraming.HeaderBytes;
                window.Span.Slice((int)(offset - windowStart), size).CopyTo(pending.Span[pendingLength..]);
                pendingLength += size;
                offset += size;
            }
        }
        await target.WriteAsync(pending[..pendingLength], cancellationToken);
        return true;
    }

    private static async Task<int> ReadFullyAsync(SafeFileHandle handle, Memory<byte> buffer, long offset, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer[total..], offset + total, cancellationToken);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }
}
