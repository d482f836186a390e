using System.Buffers.Binary;
using MediaAnalysis.Jobs;
using Microsoft.Win32.SafeHandles;
using static MediaAnalysis.Pipeline.Audio.Mp4Boxes;

namespace MediaAnalysis.Pipeline.Audio;

// The AAC track of an MP4, copied out as ADTS in-process: the same bytes `ffmpeg -map 0:a:0 -c:a copy -f adts`
// writes (tests compare them), without a child process. Why: for the common upload (H.264 + AAC in MP4) the
// stream copy is all ffmpeg does, and a 1 GB, 60-minute file costs it ~0.5 s of CPU parsing 245,000 samples
// and ~40-50 MiB of memory (its index of every sample plus Debian's shared libraries), per job, next to the
// app. Here only the audio track's tables are read (stsz, stco, stsc: ~1 MB for an hour) and its chunks are
// copied through one pooled 1 MiB read buffer and one 64 KiB write buffer. Anything this does not know for
// certain (another codec, HE-AAC, a channel layout in a PCE, a trimming edit list, fragments, a table that does
// not add up) returns null, and ffprobe and ffmpeg take the file as before; they also give every verdict on a
// bad file.
public sealed partial class Mp4AacTrack
{
    private readonly byte[] _sizes;   // stsz payload
    private readonly int _fixedSize;  // stsz's one size for every sample, or 0
    private readonly byte[] _chunks;  // stco or co64 payload
    private readonly bool _wideOffsets;
    private readonly byte[] _runs;    // stsc entries
    private readonly byte[] _adtsHeader;

    private Mp4AacTrack(byte[] sizes, byte[] chunks, bool wideOffsets, byte[] runs, byte[] adtsHeader, int streamIndex)
    {
        _sizes = sizes;
        _fixedSize = (int)ReadUInt32(sizes, 4);
        SampleCount = (int)ReadUInt32(sizes, 8);
        _chunks = chunks;
        _wideOffsets = wideOffsets;
        _runs = runs;
        _adtsHeader = adtsHeader;
        StreamIndex = streamIndex;
    }

    // What one track's sample tables may take together: an eighth of the heap the GC may use (12 MiB under the
    // image's 96 MiB cap), at most 64 MiB.
    private static readonly long TableBudgetBytes = Math.Min(64L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8);

    public int SampleCount { get; }
    public int StreamIndex { get; }
    public TimeSpan Duration { get; private set; }
    public TimeSpan MovieDuration { get; private set; }
    public bool HasVideo { get; private set; }
    // The end of the last audio sample in the file: a file shorter than this is cut short.
    public long DataEnd { get; private set; }

    public ProbedMedia ToProbedMedia() =>
        new(MovieDuration > TimeSpan.Zero ? MovieDuration : Duration, Duration, "aac", StreamIndex, HasVideo);

    // The moov box at [moovStart, moovEnd) of a file still downloading (the box itself is on disk); null if
    // its audio track is not one to copy here.
    public static Mp4AacTrack? TryRead(string path, long moovStart, long moovEnd, out string? whyNot) =>
        TryReadMoov(path, moovStart, moovEnd, out whyNot);

    // The moov box of a whole file, wherever it is (first or last), or null.
    public static Mp4AacTrack? TryReadWhole(string path, out string? whyNot) =>
        TryReadMoov(path, 0, null, out whyNot);

    // Each chunk in file order: where it starts, its first sample and how many it holds (stsc's runs expanded).
    private IEnumerable<(long Offset, int FirstSample, long Samples)> Chunks()
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

    private int SampleSize(int sample) => _fixedSize > 0 ? _fixedSize : (int)ReadUInt32(_sizes, 12 + (sample * 4));

    // `moovEnd` null: a whole file, its moov wherever it is; else the moov at moovStart of a growing file.
    private static Mp4AacTrack? TryReadMoov(string path, long moovStart, long? moovEnd, out string? whyNot)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = moovEnd ?? RandomAccess.GetLength(handle);
            foreach (var box in Children(handle, moovStart, length))
            {
                if (box.Type == "moov")
                {
                    var track = Read(handle, box, out whyNot);
                    if (track is not null && moovEnd is null && track.DataEnd > length)
                    {
                        whyNot = "the file ends before its last audio sample";
                        return null;
                    }
                    return track;
                }
                if (moovEnd is not null)
                {
                    break; // the growing file's moov is where Mp4Layout found it, or nowhere
                }
            }
            whyNot = "no moov box";
            return null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            whyNot = ex.Message;
            return null;
        }
    }

    private static Mp4AacTrack? Read(SafeFileHandle handle, Box moov, out string? whyNot)
    {
        var streamIndex = 0;
        var hasVideo = false;
        Mp4AacTrack? audio = null;
        var soundSeen = false; // only the first audio track is the one ffmpeg's -map 0:a:0 takes
        string? audioWhyNot = "no audio track";
        (uint Scale, long Length) movie = default;
        foreach (var box in Children(handle, moov))
        {
            switch (box.Type)
            {
                case "mvhd":
                    movie = TimeOf(ReadPayload(handle, box, 32));
                    break;
                case "mvex":
                    whyNot = "a fragmented MP4";
                    return null;
                case "trak":
                    var handler = TrackHandler(handle, box);
                    hasVideo |= handler == "vide";
                    if (handler == "soun" && !soundSeen)
                    {
                        soundSeen = true;
                        audio = ReadAudio(handle, box, streamIndex, movie.Scale, out audioWhyNot);
                    }
                    streamIndex++;
                    break;
            }
        }
        if (audio is null)
        {
            whyNot = audioWhyNot;
            return null;
        }
        whyNot = null;
        audio.MovieDuration = movie.Scale > 0 && movie.Length is > 0 and < uint.MaxValue * 1000L
            ? TimeSpan.FromSeconds((double)movie.Length / movie.Scale)
            : TimeSpan.Zero;
        audio.HasVideo = hasVideo;
        return audio;
    }

    private static string? TrackHandler(SafeFileHandle handle, Box trak)
    {
        var hdlr = Child(handle, trak, "mdia") is { } mdia ? Child(handle, mdia, "hdlr") : null;
        return hdlr is { } h ? System.Text.Encoding.ASCII.GetString(ReadPayload(handle, h, 12), 8, 4) : null;
    }

    private static Mp4AacTrack? ReadAudio(SafeFileHandle handle, Box trak, int streamIndex, uint movieScale, out string? whyNot)
    {
        var mdia = Child(handle, trak, "mdia")!.Value;
        var (timescale, mediaLength) = TimeOf(ReadPayload(handle, Child(handle, mdia, "mdhd") ?? throw Invalid("no mdhd"), 24));
        var stbl = Child(handle, mdia, "minf") is { } minf ? Child(handle, minf, "stbl") : null;
        if (stbl is not { } table || timescale == 0)
        {
            whyNot = "an audio track without a sample table";
            return null;
        }

        // One description, mp4a, with an ISO esds holding an AAC LC/Main/SSR/LTP AudioSpecificConfig.
        var stsd = ReadPayload(handle, Child(handle, table, "stsd") ?? throw Invalid("no stsd"), 16);
        if (ReadUInt32(stsd, 4) != 1 || System.Text.Encoding.ASCII.GetString(stsd, 12, 4) != "mp4a")
        {
            whyNot = "not AAC";
            return null;
        }
        var header = AdtsFraming.HeaderFor(stsd.AsSpan(8, (int)Math.Min(ReadUInt32(stsd, 8), (uint)(stsd.Length - 8))), out whyNot);
        if (header is null)
        {
            return null;
        }

        if (!TryEditEnd(handle, trak, timescale, movieScale, out var editEnd, out whyNot))
        {
            return null;
        }

        var stsz = Child(handle, table, "stsz");
        var chunksBox = Child(handle, table, "stco") ?? Child(handle, table, "co64");
        var stscBox = Child(handle, table, "stsc");
        var sttsBox = Child(handle, table, "stts");
        if (stsz is null || chunksBox is null || stscBox is null || sttsBox is null)
        {
            whyNot = "a sample table without sizes or offsets";
            return null;
        }
        // The four tables are held at once (two jobs may be reading theirs): more than the heap can spare is bad
        // media, refused before a byte of them is allocated. An hour of AAC needs about 1 MB.
        var tables = new[] { stsz.Value, chunksBox.Value, stscBox.Value, sttsBox.Value }.Sum(b => b.End - b.PayloadStart);
        if (tables > TableBudgetBytes)
        {
            throw new AnalysisFailedException(FailureKind.BadMedia,
                $"I couldn't read this file as a video: its audio index claims {tables / 1048576.0:0.#} MB, more than any real video's.");
        }
        var sizes = ReadPayload(handle, stsz.Value, 12);
        var sampleCount = ReadUInt32(sizes, 8);
        if (ReadUInt32(sizes, 4) > AdtsFraming.MaxFrameBytes)
        {
            whyNot = "an audio frame too large for ADTS";
            return null;
        }
        if (sampleCount == 0 || sampleCount > int.MaxValue / 4 || (ReadUInt32(sizes, 4) == 0 && sizes.Length < 12 + ((long)sampleCount * 4)))
        {
            whyNot = "no audio samples";
            return null;
        }
        var chunks = ReadPayload(handle, chunksBox.Value, 8);
        var wideOffsets = chunksBox.Value.Type == "co64";
        var chunkCount = ReadUInt32(chunks, 4);
        if (chunkCount == 0 || chunks.Length < 8 + ((long)chunkCount * (wideOffsets ? 8 : 4)))
        {
            whyNot = "a chunk table that does not add up";
            return null;
        }
        var runs = ReadPayload(handle, stscBox.Value, 8);
        var runCount = ReadUInt32(runs, 4);
        if (runCount == 0 || runs.Length < 8 + ((long)runCount * 12) || ReadUInt32(runs, 8) != 1)
        {
            whyNot = "a sample-to-chunk table that does not add up";
            return null;
        }

        var track = new Mp4AacTrack(sizes, chunks, wideOffsets, runs[8..(8 + (int)(runCount * 12))], header, streamIndex);
        if (!track.Check(out whyNot))
        {
            return null;
        }
        if (!TryTimes(ReadPayload(handle, sttsBox.Value, 8), sampleCount, editEnd, out var ticks, out whyNot))
        {
            return null;
        }
        track.Duration = TimeSpan.FromSeconds((double)(ticks > 0 ? ticks : mediaLength) / timescale);
        return track;
    }

    // Every chunk has samples, the samples add up to the count, every sample fits an ADTS frame, and the
    // chunks increase (an interleaved file read front to back, as a download arrives). Sets DataEnd.
    private bool Check(out string? whyNot)
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
