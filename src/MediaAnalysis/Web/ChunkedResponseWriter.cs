using System.Text;

namespace MediaAnalysis.Web;

// A TextWriter for a response body that never blocks: writes collect in a small buffer and reach the client only
// on FlushAsync (PageWriter flushes after each piece), so a long page streams in bounded memory.
internal sealed class ChunkedResponseWriter(Stream body) : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private const int ChunkChars = 8 * 1024;
    private readonly StringBuilder _pending = new(16 * 1024);
    private readonly Encoder _encoder = Utf8.GetEncoder();

    public override Encoding Encoding => Utf8;

    public override void Write(char value) => _pending.Append(value);

    public override void Write(string? value) => _pending.Append(value);

    public override void Write(ReadOnlySpan<char> buffer) => _pending.Append(buffer);

    public override void Write(char[] buffer, int index, int count) => _pending.Append(buffer, index, count);

    // Synchronous flushes are not allowed on a response: the next FlushAsync sends everything.
    public override void Flush()
    {
    }

    public override Task FlushAsync() => FlushAsync(CancellationToken.None);

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        // One pooled buffer a flush; the encoder keeps a surrogate pair split between two chunks whole.
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(ChunkChars));
        try
        {
            foreach (var chunk in _pending.GetChunks())
            {
                for (var at = 0; at < chunk.Length; at += ChunkChars)
                {
                    var piece = chunk.Span.Slice(at, Math.Min(ChunkChars, chunk.Length - at));
                    var count = _encoder.GetBytes(piece, bytes, flush: false);
                    await body.WriteAsync(bytes.AsMemory(0, count), cancellationToken);
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
        _pending.Clear();
        await body.FlushAsync(cancellationToken);
    }
}
