using System.Buffers.Binary;
using static MediaAnalysis.Pipeline.Audio.Mp4Boxes;

namespace MediaAnalysis.Pipeline.Audio;

// An audio track's sample tables as the file holds them: each sample's size (stsz), each chunk's offset (stco or
// co64) and the runs of samples per chunk (stsc), walked chunk by chunk in file order.
internal sealed class Mp4SampleTable
{
    private readonly byte[] _sizes;   // stsz payload
    private readonly int _fixedSize;  // stsz's one size for every sample, or 0
    private readonly byte[] _chunks;  // stco or co64 payload
    private readonly bool _wideOffsets;
    private readonly byte[] _runs;    // stsc entries

    public Mp4SampleTable(byte[] sizes, byte[] chunks, bool wideOffsets, byte[] runs)
    {
        _sizes = sizes;
        _fixedSize = (int)ReadUInt32(sizes, 4);
        SampleCount = (int)ReadUInt32(sizes, 8);
        _chunks = chunks;
        _wideOffsets = wideOffsets;
        _runs = runs;
    }

    public int SampleCount { get; }

    // The end of the last audio sample in the file (set by Check).
    public long DataEnd { get; private set; }

    // Each chunk in file order: where it starts, its first sample and how many it holds (stsc's runs expanded).
    public IEnumerable<(long Offset, int FirstSample, long Samples)> Chunks()
    {
        var sample = 0L;
        var run = 0;
        var runCount = _runs.Length / 12;
        var chunkCount = (int)ReadUInt32(_chunks, 4);
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            while (run + 1 < runCount && ReadUInt32(_runs, (run + 1) * 12) <= (uint)(chunk + 1))
            {
                run++;
            }
            var samples = ReadUInt32(_runs, (run * 12) + 4);
            yield return (ChunkOffset(chunk), (int)Math.Min(sample, int.MaxValue), samples);
            sample += samples;
        }
    }

    private long ChunkOffset(int chunk) => _wideOffsets
        ? (long)BinaryPrimitives.ReadUInt64BigEndian(_chunks.AsSpan(8 + (chunk * 8)))
        : ReadUInt32(_chunks, 8 + (chunk * 4));

    public int SampleSize(int sample) => _fixedSize > 0 ? _fixedSize : (int)ReadUInt32(_sizes, 12 + (sample * 4));

    // Every chunk has samples, the samples add up to the count, every sample fits an ADTS frame, and the
    // chunks increase (an interleaved file read front to back, as a download arrives). Sets DataEnd.
    public bool Check(out string? whyNot)
    {
        whyNot = "a sample-to-chunk table that does not add up";
        var counted = 0L;
        long previous = -1;
        foreach (var (offset, firstSample, samples) in Chunks())
        {
            if (samples == 0 || counted + samples > SampleCount || offset <= previous)
            {
                return false;
            }
            var end = offset;
            for (var sample = firstSample; sample < firstSample + samples; sample++)
            {
                var size = SampleSize(sample);
                if (size is <= 0 or > AdtsFraming.MaxFrameBytes)
                {
                    whyNot = "an audio frame too large for ADTS";
                    return false;
                }
                end += size;
            }
            counted += samples;
            previous = end - 1;
            DataEnd = Math.Max(DataEnd, end);
        }
        if (counted != SampleCount)
        {
            return false;
        }
        whyNot = null;
        return true;
    }
}
