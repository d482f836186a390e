namespace MediaAnalysis.Storage;

// A read-only stream that owns what it reads through (a reader, a command, a connection): disposing it frees them,
// in order, so a transcript streamed to a page holds its database connection exactly as long as it is read.
internal sealed class OwnedStream(Stream inner, params IAsyncDisposable[] owned) : Stream
{
    private bool _disposed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await inner.DisposeAsync();
            await DisposeAllAsync(owned);
        }
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            inner.Dispose();
            foreach (var item in owned)
            {
                (item as IDisposable)?.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    public static async Task DisposeAllAsync(IEnumerable<IAsyncDisposable> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            await item.DisposeAsync();
        }
    }
}
