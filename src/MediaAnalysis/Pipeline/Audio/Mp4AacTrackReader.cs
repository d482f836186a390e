using MediaAnalysis.Jobs;
using Microsoft.Win32.SafeHandles;
using static MediaAnalysis.Pipeline.Audio.Mp4Boxes;

namespace MediaAnalysis.Pipeline.Audio;

// Finds the first audio track in a moov box and reads it as an Mp4AacTrack when the copy can be ffmpeg's: one
// AAC description, an edit list that leaves the audio whole, sample tables that add up. Anything else is null,
// with the reason.
internal static class Mp4AacTrackReader
{
    // What one track's sample tables may take together: an eighth of the heap the GC may use (12 MiB under the
    // image's 96 MiB cap), at most 64 MiB.
    private static readonly long TableBudgetBytes = Math.Min(64L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8);

    // `moovEnd` null: a whole file, its moov wherever it is; else the moov at moovStart of a growing file.
    public static Mp4AacTrack? TryReadMoov(string path, long moovStart, long? moovEnd, out string? whyNot)
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

        if (!Mp4TrackTiming.TryEditEnd(handle, trak, timescale, movieScale, out var editEnd, out whyNot))
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

        var samples = new Mp4SampleTable(sizes, chunks, wideOffsets, runs[8..(8 + (int)(runCount * 12))]);
        if (!samples.Check(out whyNot))
        {
            return null;
        }
        if (!Mp4TrackTiming.TryTimes(ReadPayload(handle, sttsBox.Value, 8), sampleCount, editEnd, out var ticks, out whyNot))
        {
            return null;
        }
        return new Mp4AacTrack(samples, header, streamIndex)
        {
            Duration = TimeSpan.FromSeconds((double)(ticks > 0 ? ticks : mediaLength) / timescale),
        };
    }
}
