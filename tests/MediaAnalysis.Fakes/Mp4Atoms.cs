using System.Buffers.Binary;

namespace MediaAnalysis.Fakes;

// Top-level MP4 boxes in file order, read from their 8- or 16-byte headers only.
internal static class Mp4Atoms
{
    public static IReadOnlyList<string> TopLevel(string path)
    {
        var types = new List<string>();
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[16];
        for (long at = 0; at + 8 <= file.Length;)
        {
            file.Position = at;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            types.Add(System.Text.Encoding.ASCII.GetString(header[4..8]));
            if (size == 1)
            {
                file.ReadExactly(header[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            }
            else if (size == 0)
            {
                break;
            }
            if (size < 8)
            {
                break;
            }
            at += size;
        }
        return types;
    }

    // -1 when absent.
    public static int IndexOf(string path, string type) => TopLevel(path).ToList().IndexOf(type);
}
