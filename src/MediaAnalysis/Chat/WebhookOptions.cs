using MediaAnalysis.Configuration;

namespace MediaAnalysis.Chat;

// How long a platform may take to send a webhook's body. Discord and Slack send a few KB at once; a sender
// that trickles (or promises more than it sends) is cut off, so it never holds a connection and a thread.
public sealed class WebhookOptions : IValidatedOptions
{
    public const string SectionName = "Webhooks";

    public TimeSpan BodyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // Bodies past their first 16 KiB buffered at once (WebhookBodyGate): 64 x 256 KiB = 16 MiB at most. Real
    // webhooks are smaller than 16 KiB and never wait; a larger one waits up to BodyQueueTimeout for a turn,
    // then gets 503 with Retry-After.
    public int MaxConcurrentBodies { get; set; } = 64;

    public TimeSpan BodyQueueTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Validate()
    {
        if (OptionChecks.Positive($"{SectionName}:BodyTimeout", BodyTimeout) is { } problem)
        {
            yield return problem;
        }
        if (MaxConcurrentBodies < 1)
        {
            yield return $"{SectionName}:MaxConcurrentBodies must be at least 1, got {MaxConcurrentBodies}";
        }
        if (BodyQueueTimeout < TimeSpan.Zero)
        {
            yield return $"{SectionName}:BodyQueueTimeout must be 00:00:00 (no wait) or a positive time span";
        }
    }
}
