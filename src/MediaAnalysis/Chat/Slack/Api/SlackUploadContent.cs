using System.Buffers;
using System.Net;

namespace MediaAnalysis.Chat.Slack.Api;

// Streams exactly `size` bytes of a caller-owned stream, from the same start on every try, without buffering
// or disposing it; Content-Length is the size announced to files.getUploadURLExternal.
internal sealed class SlackUploadContent(Stream content, long start, long size) : HttpContent
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
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            for (var left = size; left > 0;)
            {
                var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(BufferSize, left)), cancellationToken);
                if (read == 0)
                {
                    throw new IOException($"The file ended {left} bytes before its stated length of {size} bytes.");
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
        length = size;
        return true;
    }
}
