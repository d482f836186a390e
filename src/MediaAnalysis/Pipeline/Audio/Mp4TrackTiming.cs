using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using static MediaAnalysis.Pipeline.Audio.Mp4Boxes;

namespace MediaAnalysis.Pipeline.Audio;

// The track's time: its edit list, which must leave the audio whole for the copy to be ffmpeg's, and its
// time-to-sample table, which gives the length.
internal static class Mp4TrackTiming
{
    // An edit list that only skips the encoder's priming samples is kept by ffmpeg's stream copy; one that
    // trims the track or shifts it is not, and is left to ffmpeg. `editEnd`: where the edit ends in media
    // ticks (-1 when the movie has no timescale), or null without an edit list.
    public static bool TryEditEnd(SafeFileHandle handle, Box trak, uint timescale, uint movieScale, out long? editEnd, out string? whyNot)
    {
        editEnd = null;
        whyNot = null;
        if (Child(handle, trak, "edts") is not { } edts || Child(handle, edts, "elst") is not { } elstBox)
        {
            return true;
        }
        var elst = ReadPayload(handle, elstBox, 8);
        var wide = elst[0] == 1;
        var entry = wide ? 20 : 12;
        if (ReadUInt32(elst, 4) != 1 || elst.Length < 8 + entry)
        {
            whyNot = "an edit list of several entries";
            return false;
        }
        var mediaTime = wide ? BinaryPrimitives.ReadInt64BigEndian(elst.AsSpan(16)) : BinaryPrimitives.ReadInt32BigEndian(elst.AsSpan(12));
        var rate = BinaryPrimitives.ReadInt32BigEndian(elst.AsSpan(8 + entry - 4));
        if (mediaTime < 0 || mediaTime > 2 * 2048 || rate != 0x10000)
        {
            whyNot = "an edit list that trims the audio";
            return false;
        }
        var segment = wide ? (long)BinaryPrimitives.ReadUInt64BigEndian(elst.AsSpan(8)) : ReadUInt32(elst, 8);
        editEnd = movieScale > 0 ? mediaTime + (long)((double)segment * timescale / movieScale) : -1;
        return true;
    }

    // The track's length in media ticks from stts, which must time every sample; an edit that ends more than
    // two frames before the track does cuts its end, which ffmpeg's copy honours (a stream copy with -t leaves
    // it a fraction of a frame short, which it does not).
    public static bool TryTimes(byte[] stts, uint sampleCount, long? editEnd, out long ticks, out string? whyNot)
    {
        ticks = 0;
        long timed = 0, longestFrame = 0;
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
            return false;
        }
        if (editEnd is not null && (editEnd < 0 || editEnd < ticks - (2 * longestFrame)))
        {
            whyNot = "an edit list that trims the audio";
            return false;
        }
        whyNot = null;
        return true;
    }
}
