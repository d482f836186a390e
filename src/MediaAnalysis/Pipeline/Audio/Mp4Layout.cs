using Microsoft.Win32.SafeHandles;

namespace MediaAnalysis.Pipeline.Audio;

// The top-level boxes of an MP4/MOV file, read from its head while it downloads. A file whose moov
// (the index of every sample) comes before its mdat (the samples) can be demuxed front to back as it
// arrives; one with moov at the end cannot be read until the last byte is there.
public static class Mp4Layout
{
    private const int MaxBoxes = 64;

    public enum Kind
    {
        NeedMore,      // the head is not on disk yet: wait for Needed bytes
        MoovFirst,     // streamable: the index ends at MoovEnd
        NotStreamable, // moov after mdat, not an MP4, or a box that makes no sense
    }

    public readonly record struct Head(Kind Kind, long Needed, long MoovEnd, long MoovStart = 0);

    public static Head Read(string path, long available)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        long offset = 0;
        for (var i = 0; i < MaxBoxes; i++)
        {
            if (!TryBox(handle, offset, available, out var size, out var type, out var needed))
            {
                return needed > 0 ? new Head(Kind.NeedMore, needed, 0) : new Head(Kind.NotStreamable, 0, 0);
            }
            if (i == 0 && type is not ("ftyp" or "moov" or "free" or "skip" or "wide"))
            {
                return new Head(Kind.NotStreamable, 0, 0);
            }
            if (type == "moov")
            {
                return size > 0 ? new Head(Kind.MoovFirst, 0, offset + size, offset) : new Head(Kind.NotStreamable, 0, 0);
            }
            if (type is "mdat" or "moof" || size == 0)
            {
                return new Head(Kind.NotStreamable, 0, 0); // samples before their index
            }
            offset += size;
        }
        return new Head(Kind.NotStreamable, 0, 0);
    }

    // True when every top-level box ends within the file: a file cut short ends inside its last box.
    public static bool IsWhole(string path, long length)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        long offset = 0;
        while (offset < length)
        {
            if (!TryBox(handle, offset, length, out var size, out _, out _))
            {
                return false;
            }
            if (size == 0)
            {
                return true; // "to the end of the file"
            }
            offset += size;
        }
        return offset == length;
    }

    // size 0 means the box runs to the end of the file. `needed` > 0: more bytes are wanted to read it. A type
    // that is not printable ASCII is not an MP4's top level.
    private static bool TryBox(SafeFileHandle handle, long offset, long available, out long size, out string type, out long needed)
    {
        if (!Mp4Boxes.TryHeader(handle, offset, available, out size, out type, out _, out needed))
        {
            return false;
        }
        foreach (var c in type)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }
        return true;
    }
}
