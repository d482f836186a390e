using System.Buffers;
using MediaAnalysis.Jobs;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Chat;

// A webhook's raw bytes, as signed: read once into a pooled buffer under a size cap, before any parsing.
// The buffer grows with the bytes that arrive, never with what Content-Length promises: a sender that claims
// 256 KB and trickles costs 4 KiB. Past FreeBytes a body needs a turn from WebhookBodyGate.
public sealed class WebhookBody : IDisposable
{
    public const int MaxBytes = 256 * 1024;

    // Discord's and Slack's webhooks fit here (a few KB) and never wait for a turn.
    public const int FreeBytes = 16 * 1024;

    private const int FirstBytes = 4 * 1024;

    private byte[]? _buffer;
    private WebhookBodyGate? _turn;

    private WebhookBody(byte[] buffer, int length, WebhookBodyGate? turn)
    {
        _buffer = buffer;
        Length = length;
        _turn = turn;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    // Null when the body is larger than the cap (answer 413). A body not all there within
    // Webhooks:BodyTimeout ends the request with 408, one that finds no turn with 503 (BadHttpRequestException,
    // answered by UseSafeErrors).
    public static async Task<WebhookBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }
        var services = request.HttpContext.RequestServices;
        var timeout = services.GetService<IOptions<WebhookOptions>>()?.Value.BodyTimeout ?? TimeSpan.FromSeconds(10);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await ReadCappedAsync(request, services.GetService<WebhookBodyGate>(), deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new BadHttpRequestException($"The request body did not arrive within {Format.Span(timeout)}.", StatusCodes.Status408RequestTimeout);
        }
    }

    private static async Task<WebhookBody?> ReadCappedAsync(HttpRequest request, WebhookBodyGate? gate, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? FirstBytes, 16, FirstBytes));
        var length = 0;
        WebhookBodyGate? turn = null;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= MaxBytes)
                    {
                        if (await OneMoreByteAsync(request, cancellationToken))
                        {
                            Release(buffer, turn);
                            return null;
                        }
                        break;
                    }
                    if (turn is null && gate is not null && length * 2 > FreeBytes)
                    {
                        await gate.EnterAsync(cancellationToken);
                        turn = gate;
                    }
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(length * 2, MaxBytes));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxBytes) - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
        }
        catch
        {
            Release(buffer, turn);
            throw;
        }
        return new WebhookBody(buffer, length, turn);
    }

    private static async Task<bool> OneMoreByteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var probe = new byte[1];
        return await request.Body.ReadAsync(probe, cancellationToken) > 0;
    }

    private static void Release(byte[] buffer, WebhookBodyGate? turn)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        turn?.Leave();
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            Release(buffer, _turn);
            _turn = null;
        }
    }
}
