using System.Buffers;
using System.Net;

namespace MediaAnalysis.Http;

// Streams a caller-owned stream into a request without buffering or disposing it, from the same start on
// every try, so a retried upload sends the whole file again. With a size, exactly that many bytes go (and that
// is the Content-Length, e.g. the size announced to Slack's files.getUploadURLExternal); without, the rest of
// the stream.
public sealed class ReplayableStreamContent(Stream content, long start, long? size = null) : HttpContent
{
    private const int BufferSize = 64 * 1024;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            content.Position = start;
        }
        if (size is not { } exact)
        {
            await content.CopyToAsync(stream, BufferSize, cancellationToken);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            for (var left = exact; left > 0;)
            {
                var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(BufferSize, left)), cancellationToken);
                if (read == 0)
                {
                    throw new IOException($"The file ended {left} bytes before its stated length of {exact} bytes.");
                }
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = size ?? (content.CanSeek ? content.Length - start : 0);
        return size is not null || content.CanSeek;
    }
}
