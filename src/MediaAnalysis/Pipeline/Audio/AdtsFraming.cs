using System.Buffers.Binary;

namespace MediaAnalysis.Pipeline.Audio;

// ADTS (ISO 14496-3 1.A.2.2): the 7-byte header before each raw AAC frame that makes a stream of them playable
// on its own. Written as ffmpeg's adts muxer writes it: MPEG-4, no CRC, buffer fullness 0x7FF, one raw data block.
internal static class AdtsFraming
{
    public const int HeaderBytes = 7;
    public const int MaxFrameBytes = 8191 - HeaderBytes; // the header's 13-bit length

    private const int SampleRateIndexes = 13; // 96000 ... 7350 Hz; 15 (an explicit rate) ADTS cannot carry

    // The fixed part of every header, from an mp4a sample description (its whole box), or null for what ADTS
    // cannot say: HE-AAC, a channel layout in a PCE, an explicit sample rate, not MPEG-4 AAC at all.
    public static byte[]? HeaderFor(ReadOnlySpan<byte> mp4a, out string? whyNot)
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
        var esds = Mp4Boxes.FindIn(mp4a[childrenAt..], "esds");
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
        if (rateIndex >= SampleRateIndexes || channels is 0 or > 7)
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

    // The header of one frame of `size` bytes: the fixed part with the frame's length filled in.
    public static void Write(Span<byte> header, ReadOnlySpan<byte> fixedPart, int size)
    {
        fixedPart.CopyTo(header);
        var length = size + HeaderBytes;
        header[3] |= (byte)(length >> 11);
        header[4] = (byte)(length >> 3);
        header[5] = (byte)(((length & 7) << 5) | 0x1F);
    }

    // One MPEG-4 descriptor of `tag`: its body, and `data` moved past it.
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
}
