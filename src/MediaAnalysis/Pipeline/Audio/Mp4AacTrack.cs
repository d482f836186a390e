using System.Buffers;
using System.Buffers.Binary;
using MediaAnalysis.Pipeline.Download;
using Microsoft.Win32.SafeHandles;

namespace MediaAnalysis.Pipeline.Audio;

// The AAC track of an MP4, copied out as ADTS in-process: the same bytes `ffmpeg -map 0:a:0 -c:a copy -f adts`
// writes (tests compare them), without a child process. Why: for the common upload (H.264 + AAC in MP4) the
// stream copy is all ffmpeg does, and a 1 GB, 60-minute file costs it ~0.5 s of CPU parsing 245,000 samples
// and ~40-50 MiB of memory (its index of every sample plus Debian's shared libraries), per job, next to the
// app. Here only the audio track's tables are read (stsz, stco, stsc: ~1 MB for an hour) and its chunks are
// copied through one pooled 1 MiB read buffer and one 64 KiB write buffer. Anything this does not know for certain (another codec, HE-AAC, a channel
// layout in a PCE, a trimming edit list, fragments, a table that does not add up) returns null, and ffprobe and
// ffmpeg take the file as before; they also give every verdict on a bad file.
public sealed class Mp4AacTrack
{
    private const int MaxBoxBytes = 64 * 1024 * 1024; // one sample table of a file with millions of samples
    // The file is read front to back in 1 MiB steps, through the video between audio chunks, as `cat` reads
    // it: from a cold cache, reads of just the audio chunks (a few hundred KB to a few MB apart), seeking past
    // the video, defeat the kernel's read-ahead (12 s for 1 GB on this VM's disk against 1.5 s for `cat`).
    // Only a gap of more than SkipAhead (audio not interleaved) is skipped.
    private const int WindowBytes = 1024 * 1024;
    private const long SkipAhead = 8 * 1024 * 1024;
    private const long PrefetchBytes = 8 * 1024 * 1024;
    private const int WillNeed = 3; // POSIX_FADV_WILLNEED
    private const int OutputBytes = 64 * 1024;
    private const int AdtsHeaderBytes = 7;

    private static readonly int[] SampleRates = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

    private readonly byte[] _sizes;   // stsz payload
    private readonly byte[] _chunks;  // stco or co64 payload
    private readonly bool _wideOffsets;
    private readonly byte[] _runs;    // stsc payload
    private readonly int _fixedSize;

    private Mp4AacTrack(
        byte[] sizes, int fixedSize, int sampleCount, byte[] chunks, bool wideOffsets, byte[] runs, byte[] adtsHeader, int streamIndex)
    {
        _sizes = sizes;
        _fixedSize = fixedSize;
        SampleCount = sampleCount;
        _chunks = chunks;
        _wideOffsets = wideOffsets;
        _runs = runs;
        AdtsHeader = adtsHeader;
        StreamIndex = streamIndex;
    }

    public int SampleCount { get; }
    public int StreamIndex { get; }
    public TimeSpan Duration { get; private set; }
    public TimeSpan MovieDuration { get; private set; }
    public bool HasVideo { get; private set; }
    // The end of the last audio sample in the file: a file shorter than this is cut short.
    public long DataEnd { get; private set; }
    internal byte[] AdtsHeader { get; }

    public ProbedMedia ToProbedMedia() =>
        new(MovieDuration > TimeSpan.Zero ? MovieDuration : Duration, Duration, "aac", StreamIndex, HasVideo);

    // The moov box at [moovStart, moovEnd) of a file still downloading (the box itself is on disk); null if
    // its audio track is not one to copy here.
    public static Mp4AacTrack? TryRead(string path, long moovStart, long moovEnd, out string? whyNot)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            foreach (var box in Boxes(handle, moovStart, moovEnd))
            {
                if (box.Type == "moov")
                {
                    return Read(handle, box.PayloadStart, box.End, out whyNot);
                }
                break;
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

    // The moov box of a whole file, wherever it is (first or last), or null.
    public static Mp4AacTrack? TryReadWhole(string path, out string? whyNot)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = RandomAccess.GetLength(handle);
            foreach (var box in Boxes(handle, 0, length))
            {
                if (box.Type == "moov")
                {
                    var track = Read(handle, box.PayloadStart, box.End, out whyNot);
                    if (track is not null && track.DataEnd > length)
                    {
                        whyNot = "the file ends before its last audio sample";
                        return null;
                    }
                    return track;
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

    // Writes the track as ADTS to `output`. With `growing`, the file is still downloading: each chunk is read
    // once the download has passed it. Returns false if the download ended before a chunk (a file cut short).
    public async Task<bool> CopyAsync(string input, string output, GrowingFile? growing, CancellationToken cancellationToken)
    {
        // SequentialScan: posix_fadvise(SEQUENTIAL), a larger kernel read-ahead.
        using var source = File.OpenHandle(input, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var target = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        // Pooled: a job's 1 MiB would otherwise be a large-object allocation each time, and a full collection.
        var window = ArrayPool<byte>.Shared.Rent(WindowBytes);
        var pending = ArrayPool<byte>.Shared.Rent(OutputBytes);
        try
        {
            return await CopyAsync(source, target, window.AsMemory(0, WindowBytes), pending.AsMemory(0, OutputBytes), growing, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(window);
            ArrayPool<byte>.Shared.Return(pending);
        }
    }

    private async Task<bool> CopyAsync(
        SafeFileHandle source, FileStream target, Memory<byte> window, Memory<byte> pending, GrowingFile? growing, CancellationToken cancellationToken)
    {
        long windowStart = 0, prefetched = 0;
        var windowLength = 0;
        var pendingLength = 0;
        var sample = 0;
        var runIndex = 0;
        var runCount = _runs.Length / 12;
        var chunkCount = ChunkCount;
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            while (runIndex + 1 < runCount && ReadUInt32(_runs, (runIndex + 1) * 12) <= (uint)(chunk + 1))
            {
                runIndex++;
            }
            var perChunk = (int)ReadUInt32(_runs, (runIndex * 12) + 4);
            var offset = ChunkOffset(chunk);
            for (var i = 0; i < perChunk; i++, sample++)
            {
                var size = SampleSize(sample);
                while (offset < windowStart || offset + size > windowStart + windowLength)
                {
                    // The next read starts where the last one ended, unless the sample is far ahead.
                    var windowEnd = windowStart + windowLength;
                    windowStart = windowLength > 0 && offset >= windowEnd && offset - windowEnd < SkipAhead ? windowEnd : offset;
                    // Never past the last audio byte: a download is awaited only as far as the track goes.
                    var want = (int)Math.Min(window.Length, Math.Max(offset + size - windowStart, DataEnd - windowStart));
                    if (growing is not null && !await growing.WaitForAsync(windowStart + want, cancellationToken))
                    {
                        return false;
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                    if (windowStart >= prefetched - WindowBytes && growing is null)
                    {
                        // Ask the kernel to read the next steps while this one is copied (cat gets the same from
                        // its read-ahead; one 1 MiB read at a time would wait for the disk at every step).
                        prefetched = Math.Min(DataEnd, windowStart + PrefetchBytes);
                        _ = PosixFadvise(source, windowStart, prefetched - windowStart, WillNeed);
                    }
                    windowLength = await ReadFullyAsync(source, window[..want], windowStart, cancellationToken);
                    if (windowLength < want)
                    {
                        return false; // the file ends before the track does
                    }
                }
                if (pendingLength + AdtsHeaderBytes + size > pending.Length)
                {
                    await target.WriteAsync(pending[..pendingLength], cancellationToken);
                    pendingLength = 0;
                }
                WriteAdtsHeader(pending.Span[pendingLength..], size);
                pendingLength += AdtsHeaderBytes;
                window.Span.Slice((int)(offset - windowStart), size).CopyTo(pending.Span[pendingLength..]);
                pendingLength += size;
                offset += size;
            }
        }
        await target.WriteAsync(pending[..pendingLength], cancellationToken);
        return true;
    }

    private int ChunkCount => (int)ReadUInt32(_chunks, 4);

    private long ChunkOffset(int chunk) => _wideOffsets
        ? (long)BinaryPrimitives.ReadUInt64BigEndian(_chunks.AsSpan(8 + (chunk * 8)))
        : ReadUInt32(_chunks, 8 + (chunk * 4));

    private int SampleSize(int sample) => _fixedSize > 0 ? _fixedSize : (int)ReadUInt32(_sizes, 12 + (sample * 4));

    private void WriteAdtsHeader(Span<byte> header, int size)
    {
        AdtsHeader.CopyTo(header);
        var length = size + AdtsHeaderBytes;
        header[3] |= (byte)(length >> 11);
        header[4] = (byte)(length >> 3);
        header[5] = (byte)(((length & 7) << 5) | 0x1F);
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

    private static Mp4AacTrack? Read(SafeFileHandle handle, long moovStart, long moovEnd, out string? whyNot)
    {
        var streamIndex = 0;
        var hasVideo = false;
        Mp4AacTrack? audio = null;
        string? audioWhyNot = "no audio track";
        long movieScale = 0, movieLength = 0;
        foreach (var box in Boxes(handle, moovStart, moovEnd))
        {
            switch (box.Type)
            {
                case "mvhd":
                {
                    var mvhd = ReadBox(handle, box, 32);
                    (movieScale, movieLength) = mvhd[0] == 1
                        ? (ReadUInt32(mvhd, 20), (long)BinaryPrimitives.ReadUInt64BigEndian(mvhd.AsSpan(24)))
                        : (ReadUInt32(mvhd, 12), ReadUInt32(mvhd, 16));
                    break;
                }
                case "mvex":
                    whyNot = "a fragmented MP4";
                    return null;
                case "trak":
                {
                    var handler = TrackHandler(handle, box);
                    if (handler == "vide")
                    {
                        hasVideo = true;
                    }
                    else if (handler == "soun" && audio is null && audioWhyNot == "no audio track")
                    {
                        audio = ReadAudio(handle, box, streamIndex, movieScale, out audioWhyNot);
                    }
                    streamIndex++;
                    break;
                }
            }
        }
        if (audio is null)
        {
            whyNot = audioWhyNot;
            return null;
        }
        whyNot = null;
        audio.MovieDuration = movieScale > 0 && movieLength is > 0 and < uint.MaxValue * 1000L
            ? TimeSpan.FromSeconds((double)movieLength / movieScale)
            : TimeSpan.Zero;
        audio.HasVideo = hasVideo;
        return audio;
    }

    private static string? TrackHandler(SafeFileHandle handle, Box trak)
    {
        var mdia = Child(handle, trak, "mdia");
        var hdlr = mdia is { } m ? Child(handle, m, "hdlr") : null;
        if (hdlr is not { } h)
        {
            return null;
        }
        var payload = ReadBox(handle, h, 12);
        return System.Text.Encoding.ASCII.GetString(payload, 8, 4);
    }

    private static Mp4AacTrack? ReadAudio(SafeFileHandle handle, Box trak, int streamIndex, long movieScale, out string? whyNot)
    {
        var mdia = Child(handle, trak, "mdia")!.Value;
        var mdhd = ReadBox(handle, Child(handle, mdia, "mdhd") ?? throw Invalid("no mdhd"), 24);
        var (timescale, mediaLength) = mdhd[0] == 1
            ? (ReadUInt32(mdhd, 20), (long)BinaryPrimitives.ReadUInt64BigEndian(mdhd.AsSpan(24)))
            : (ReadUInt32(mdhd, 12), ReadUInt32(mdhd, 16));
        var stbl = Child(handle, mdia, "minf") is { } minf ? Child(handle, minf, "stbl") : null;
        if (stbl is not { } table || timescale == 0)
        {
            whyNot = "an audio track without a sample table";
            return null;
        }

        // One description, mp4a, with an ISO esds holding an AAC LC/Main/SSR/LTP AudioSpecificConfig.
        var stsd = ReadBox(handle, Child(handle, table, "stsd") ?? throw Invalid("no stsd"), 16);
        if (ReadUInt32(stsd, 4) != 1 || System.Text.Encoding.ASCII.GetString(stsd, 12, 4) != "mp4a")
        {
            whyNot = "not AAC";
            return null;
        }
        var header = AdtsHeaderFrom(stsd.AsSpan(8, (int)Math.Min(ReadUInt32(stsd, 8), (uint)(stsd.Length - 8))), out whyNot);
        if (header is null)
        {
            return null;
        }

        long? editEnd = null;
        // An edit list that only skips the encoder's priming samples is kept by ffmpeg's stream copy; one that
        // trims the track or shifts it is not, and is left to ffmpeg.
        if (Child(handle, trak, "edts") is { } edts && Child(handle, edts, "elst") is { } elstBox)
        {
            var elst = ReadBox(handle, elstBox, 8);
            var wide = elst[0] == 1;
            var entry = wide ? 20 : 12;
            if (ReadUInt32(elst, 4) != 1 || elst.Length < 8 + entry)
            {
                whyNot = "an edit list of several entries";
                return null;
            }
            var mediaTime = wide ? BinaryPrimitives.ReadInt64BigEndian(elst.AsSpan(16)) : BinaryPrimitives.ReadInt32BigEndian(elst.AsSpan(12));
            var rate = BinaryPrimitives.ReadInt32BigEndian(elst.AsSpan(8 + entry - 4));
            if (mediaTime < 0 || mediaTime > 2 * 2048 || rate != 0x10000)
            {
                whyNot = "an edit list that trims the audio";
                return null;
            }
            var segment = wide ? (long)BinaryPrimitives.ReadUInt64BigEndian(elst.AsSpan(8)) : ReadUInt32(elst, 8);
            editEnd = movieScale > 0 ? mediaTime + (long)((double)segment * timescale / movieScale) : -1;
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
        var sizes = ReadBox(handle, stsz.Value, 12);
        var fixedSize = (int)ReadUInt32(sizes, 4);
        var sampleCount = ReadUInt32(sizes, 8);
        if (sampleCount == 0 || sampleCount > int.MaxValue / 4 || (fixedSize == 0 && sizes.Length < 12 + ((long)sampleCount * 4)))
        {
            whyNot = "no audio samples";
            return null;
        }
        var chunks = ReadBox(handle, chunksBox.Value, 8);
        var wideOffsets = chunksBox.Value.Type == "co64";
        var chunkCount = ReadUInt32(chunks, 4);
        if (chunkCount == 0 || chunks.Length < 8 + ((long)chunkCount * (wideOffsets ? 8 : 4)))
        {
            whyNot = "a chunk table that does not add up";
            return null;
        }
        var runs = ReadBox(handle, stscBox.Value, 8);
        var runCount = ReadUInt32(runs, 4);
        if (runCount == 0 || runs.Length < 8 + ((long)runCount * 12) || ReadUInt32(runs, 8) != 1)
        {
            whyNot = "a sample-to-chunk table that does not add up";
            return null;
        }
        runs = runs[8..(8 + (int)(runCount * 12))];

        var track = new Mp4AacTrack(sizes, fixedSize, (int)sampleCount, chunks, wideOffsets, runs, header, streamIndex);
        if (!track.Check(out var dataEnd, out whyNot))
        {
            return null;
        }
        var stts = ReadBox(handle, sttsBox.Value, 8);
        long ticks = 0, timed = 0, longestFrame = 0;
        for (var i = 0; i < ReadUInt32(stts, 4) && 8 + (i * 8) + 8 <= stts.Length; i++)
        {
            var count = ReadUInt32(stts, 8 + (i * 8));
            var delta = ReadUInt32(stts, 12 + (i * 8));
            timed += count;
            ticks += count * (long)delta;
            longestFrame = Math.Max(longestFrame, delta);
        }
        if (timed != sampleCount)
        {
            whyNot = "a time table that does not add up";
            return null;
        }
        // An edit that ends more than two frames before the track does cuts its end, which ffmpeg's copy honours
        // (a stream copy with -t leaves it a fraction of a frame short, which it does not).
        if (editEnd is not null && (editEnd < 0 || editEnd < ticks - (2 * longestFrame)))
        {
            whyNot = "an edit list that trims the audio";
            return null;
        }
        track.Duration = TimeSpan.FromSeconds((double)(ticks > 0 ? ticks : mediaLength) / timescale);
        track.DataEnd = dataEnd;
        return track;
    }

    // Every chunk has samples, the samples add up to the count, every sample fits an ADTS frame, and the
    // chunks increase (an interleaved file read front to back, as a download arrives).
    private bool Check(out long dataEnd, out string? whyNot)
    {
        dataEnd = 0;
        var sample = 0L;
        var runIndex = 0;
        var runCount = _runs.Length / 12;
        long previous = -1;
        for (var chunk = 0; chunk < ChunkCount; chunk++)
        {
            while (runIndex + 1 < runCount && ReadUInt32(_runs, (runIndex + 1) * 12) <= (uint)(chunk + 1))
            {
                runIndex++;
            }
            var perChunk = ReadUInt32(_runs, (runIndex * 12) + 4);
            var offset = ChunkOffset(chunk);
            if (perChunk == 0 || sample + perChunk > SampleCount || offset <= previous || offset < 0)
            {
                whyNot = "a sample-to-chunk table that does not add up";
                return false;
            }
            for (var i = 0; i < perChunk; i++, sample++)
            {
                var size = SampleSize((int)sample);
                if (size is <= 0 or > 8191 - AdtsHeaderBytes)
                {
                    whyNot = "an audio frame too large for ADTS";
                    return false;
                }
                offset += size;
            }
            previous = offset - 1;
            dataEnd = Math.Max(dataEnd, offset);
        }
        if (sample != SampleCount)
        {
            whyNot = "a sample-to-chunk table that does not add up";
            return false;
        }
        whyNot = null;
        return true;
    }

    // The fixed part of every ADTS header (ISO 14496-3 1.A.2.2), as ffmpeg's adts muxer writes it: MPEG-4,
    // no CRC, buffer fullness 0x7FF, one raw data block. Null for what ADTS cannot say (HE-AAC, PCE layouts).
    private static byte[]? AdtsHeaderFrom(ReadOnlySpan<byte> mp4a, out string? whyNot)
    {
        whyNot = "an AAC description I do not copy";
        if (mp4a.Length < 36)
        {
            return null;
        }
        var version = BinaryPrimitives.ReadUInt16BigEndian(mp4a[16..]);
        var childrenAt = version switch { 0 => 36, 1 => 52, 2 => 72, _ => -1 };
        if (childrenAt < 0 || childrenAt > mp4a.Length)
        {
            return null;
        }
        var esds = FindChild(mp4a[childrenAt..], "esds");
        if (esds.Length < 4)
        {
            return null;
        }
        var descriptors = esds[4..];
        // ES_Descriptor (3) > DecoderConfigDescriptor (4) > DecoderSpecificInfo (5)
        if (!Descriptor(ref descriptors, 3, out var es) || es.Length < 3)
        {
            return null;
        }
        var flags = es[2];
        var skip = 3 + ((flags & 0x80) != 0 ? 2 : 0);
        if ((flags & 0x40) != 0)
        {
            if (es.Length <= skip)
            {
                return null;
            }
            skip += 1 + es[skip];
        }
        skip += (flags & 0x20) != 0 ? 2 : 0;
        if (es.Length < skip)
        {
            return null;
        }
        es = es[skip..];
        if (!Descriptor(ref es, 4, out var config) || config.Length < 13 || config[0] != 0x40)
        {
            whyNot = "not MPEG-4 AAC";
            return null;
        }
        var rest = config[13..];
        if (!Descriptor(ref rest, 5, out var asc) || asc.Length < 2)
        {
            return null;
        }
        var objectType = asc[0] >> 3;
        var rateIndex = ((asc[0] & 7) << 1) | (asc[1] >> 7);
        var channels = (asc[1] >> 3) & 0xF;
        if (objectType is < 1 or > 4)
        {
            whyNot = $"AAC object type {objectType} (ADTS carries only Main, LC, SSR and LTP)";
            return null;
        }
        if (rateIndex >= SampleRates.Length || channels is 0 or > 7)
        {
            whyNot = "an AAC layout ADTS cannot carry";
            return null;
        }
        whyNot = null;
        return
        [
            0xFF,
            0xF1, // MPEG-4, layer 0, no CRC
            (byte)(((objectType - 1) << 6) | (rateIndex << 2) | (channels >> 2)),
            (byte)((channels & 3) << 6),
            0,
            0x1F,
            0xFC,
        ];
    }

    private static bool Descriptor(ref ReadOnlySpan<byte> data, int tag, out ReadOnlySpan<byte> body)
    {
        body = default;
        if (data.Length < 2 || data[0] != tag)
        {
            return false;
        }
        // The length: one to four bytes, seven bits each, the high bit set on all but the last.
        var length = 0;
        var i = 1;
        while (true)
        {
            if (i >= data.Length || i > 4)
            {
                return false;
            }
            length = (length << 7) | (data[i] & 0x7F);
            if ((data[i++] & 0x80) == 0)
            {
                break;
            }
        }
        if (length > data.Length - i)
        {
            return false;
        }
        body = data.Slice(i, length);
        data = data[(i + length)..];
        return true;
    }

    private static ReadOnlySpan<byte> FindChild(ReadOnlySpan<byte> boxes, string type)
    {
        while (boxes.Length >= 8)
        {
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(boxes), int.MaxValue);
            if (size < 8 || size > boxes.Length)
            {
                break;
            }
            if (boxes[4] == type[0] && boxes[5] == type[1] && boxes[6] == type[2] && boxes[7] == type[3])
            {
                return boxes[8..size];
            }
            boxes = boxes[size..];
        }
        return default;
    }

    private readonly record struct Box(string Type, long PayloadStart, long End);

    private static IEnumerable<Box> Boxes(SafeFileHandle handle, long start, long end)
    {
        var header = new byte[16];
        var offset = start;
        for (var i = 0; offset + 8 <= end && i < 100_000; i++)
        {
            if (RandomAccess.Read(handle, header.AsSpan(0, 8), offset) < 8)
            {
                throw Invalid("a box header past the end of the file");
            }
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerLength = 8;
            if (size == 1)
            {
                if (RandomAccess.Read(handle, header.AsSpan(8, 8), offset + 8) < 8)
                {
                    throw Invalid("a box header past the end of the file");
                }
                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8)), long.MaxValue / 2);
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = end - offset;
            }
            if (size < headerLength || offset + size > end)
            {
                throw Invalid("a box larger than the one around it");
            }
            yield return new Box(System.Text.Encoding.ASCII.GetString(header, 4, 4), offset + headerLength, offset + size);
            offset += size;
        }
    }

    private static Box? Child(SafeFileHandle handle, Box parent, string type)
    {
        foreach (var box in Boxes(handle, parent.PayloadStart, parent.End))
        {
            if (box.Type == type)
            {
                return box;
            }
        }
        return null;
    }

    private static byte[] ReadBox(SafeFileHandle handle, Box box, int atLeast)
    {
        var length = box.End - box.PayloadStart;
        if (length < atLeast || length > MaxBoxBytes)
        {
            throw Invalid($"a {box.Type} box of {length} bytes");
        }
        var payload = new byte[length];
        if (RandomAccess.Read(handle, payload, box.PayloadStart) < length)
        {
            throw Invalid("a box past the end of the file");
        }
        return payload;
    }

    // A hint: where the kernel refuses it, the reads just wait for the disk.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(SafeFileHandle fd, long offset, long length, int advice);

    private static uint ReadUInt32(byte[] data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));

    private static InvalidDataException Invalid(string what) => new($"MP4: {what}");
}
