using System.Buffers;
using MediaAnalysis.Jobs;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Chat;

// A webhook's raw bytes, as signed: read once into a pooled buffer under a size cap, before any parsing.
public sealed class WebhookBody : IDisposable
{
    public const int MaxBytes = 256 * 1024;

    private byte[]? _buffer;

    private WebhookBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    // Null when the body is larger than the cap (answer 413). A body not all there within
    // Webhooks:BodyTimeout ends the request with 408 (BadHttpRequestException, answered by UseSafeErrors).
    public static async Task<WebhookBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }
        var timeout = request.HttpContext.RequestServices.GetService<IOptions<WebhookOptions>>()?.Value.BodyTimeout ?? TimeSpan.FromSeconds(10);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await ReadCappedAsync(request, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new BadHttpRequestException($"The request body did not arrive within {Format.Span(timeout)}.", StatusCodes.Status408RequestTimeout);
        }
    }

    private static async Task<WebhookBody?> ReadCappedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 16 * 1024) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > MaxBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        if (length > MaxBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }
        return new WebhookBody(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
