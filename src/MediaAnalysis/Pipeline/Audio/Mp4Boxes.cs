using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace MediaAnalysis.Pipeline.Audio;

// The boxes of an ISO BMFF (MP4/MOV) file, read where they lie with positioned reads: a header, the children
// of a box, one box's payload. Mp4Layout reads the top level of a file still downloading; Mp4AacTrack the index.
internal static class Mp4Boxes
{
    private const int MaxPayloadBytes = 64 * 1024 * 1024; // one sample table of a file with millions of samples

    public readonly record struct Box(string Type, long PayloadStart, long End);

    // The header of the box at `offset`, of a file whose first `available` bytes can be read. False: more bytes
    // are wanted (`needed` > 0), or the header makes no sense (`needed` 0). Size 0 means "to the end of the file".
    public static bool TryHeader(SafeFileHandle handle, long offset, long available, out long size, out string type, out int headerLength, out long needed)
    {
        Span<byte> header = stackalloc byte[16];
        size = 0;
        type = "";
        headerLength = 8;
        needed = 0;
        if (offset + 8 > available || RandomAccess.Read(handle, header[..8], offset) < 8)
        {
            needed = offset + 16;
            return false;
        }
        var size32 = BinaryPrimitives.ReadUInt32BigEndian(header);
        type = System.Text.Encoding.Latin1.GetString(header[4..8]); // byte for char: a non-ASCII type stays one
        if (size32 == 1)
        {
            if (offset + 16 > available || RandomAccess.Read(handle, header[8..16], offset + 8) < 8)
            {
                needed = offset + 16;
                return false;
            }
            var size64 = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            headerLength = 16;
            size = (long)size64;
            return size64 is >= 16 and <= long.MaxValue / 2;
        }
        size = size32;
        return size32 is 0 or >= 8;
    }

    // The boxes in [start, end), a box's payload or a whole file; InvalidDataException for one that makes no sense.
    public static IEnumerable<Box> Children(SafeFileHandle handle, long start, long end)
    {
        var offset = start;
        for (var i = 0; offset + 8 <= end && i < 100_000; i++)
        {
            if (!TryHeader(handle, offset, end, out var size, out var type, out var headerLength, out var needed))
            {
                throw Invalid(needed > 0 ? "a box header past the end of the file" : "a box header that makes no sense");
            }
            if (size == 0)
            {
                size = end - offset;
            }
            if (size < headerLength || offset + size > end)
            {
                throw Invalid("a box larger than the one around it");
            }
            yield return new Box(type, offset + headerLength, offset + size);
            offset += size;
        }
    }

    public static IEnumerable<Box> Children(SafeFileHandle handle, Box parent) => Children(handle, parent.PayloadStart, parent.End);

    public static Box? Child(SafeFileHandle handle, Box parent, string type)
    {
        foreach (var box in Children(handle, parent))
        {
            if (box.Type == type)
            {
                return box;
            }
        }
        return null;
    }

    public static byte[] ReadPayload(SafeFileHandle handle, Box box, int atLeast)
    {
        var length = box.End - box.PayloadStart;
        if (length < atLeast || length > MaxPayloadBytes)
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

    // A child box inside a payload already read (the boxes of a sample description).
    public static ReadOnlySpan<byte> FindIn(ReadOnlySpan<byte> boxes, string type)
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

    public static uint ReadUInt32(byte[] data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));

    // (timescale, duration) of an mvhd or mdhd payload, version 0 or 1.
    public static (uint Scale, long Length) TimeOf(byte[] header) => header[0] == 1
        ? (ReadUInt32(header, 20), (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(24)))
        : (ReadUInt32(header, 12), ReadUInt32(header, 16));

    public static InvalidDataException Invalid(string what) => new($"MP4: {what}");
}
