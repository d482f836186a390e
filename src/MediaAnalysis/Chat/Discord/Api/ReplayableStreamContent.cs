using System.Net;

namespace MediaAnalysis.Chat.Discord.Api;

// Streams a caller-owned stream into a request without buffering it and without disposing it, from the same
// start position on every try, so a retried upload sends the whole file again.
internal sealed class ReplayableStreamContent(Stream content, long start) : HttpContent
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
        await content.CopyToAsync(stream, BufferSize, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = content.CanSeek ? content.Length - start : 0;
        return content.CanSeek;
    }
}
