using Microsoft.Extensions.Options;

namespace MediaAnalysis.Chat;

// Webhooks:MaxConcurrentBodies: how many bodies may grow past WebhookBody.FreeBytes at once. A body that
// finds no turn within Webhooks:BodyQueueTimeout is answered 503 (Retry-After: 1), so that however many
// senders claim 256 KB, the bodies held in memory stay bounded.
public sealed class WebhookBodyGate(IOptions<WebhookOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(options.Value.MaxConcurrentBodies, options.Value.MaxConcurrentBodies);

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _turns.WaitAsync(options.Value.BodyQueueTimeout, cancellationToken))
        {
            throw new BadHttpRequestException("Too many large request bodies are being read at once.", StatusCodes.Status503ServiceUnavailable);
        }
    }

    public void Leave() => _turns.Release();

    public void Dispose() => _turns.Dispose();
}
