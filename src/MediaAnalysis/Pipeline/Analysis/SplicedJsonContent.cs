using System.ClientModel;

namespace MediaAnalysis.Pipeline.Analysis;

// A request body written from slices of shared buffers, never joined into one array. The pipeline
// disposes the content after each send, so Dispose must not release the shared transcript block.
public sealed class SplicedJsonContent(IReadOnlyList<ReadOnlyMemory<byte>> segments) : BinaryContent
{
    public override bool TryComputeLength(out long length)
    {
        length = 0;
        foreach (var segment in segments)
        {
            length += segment.Length;
        }
        return true;
    }

    public override void WriteTo(Stream stream, CancellationToken cancellationToken = default)
    {
        foreach (var segment in segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stream.Write(segment.Span);
        }
    }

    public override async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        foreach (var segment in segments)
        {
            await stream.WriteAsync(segment, cancellationToken);
        }
    }

    public override void Dispose()
    {
    }
}
