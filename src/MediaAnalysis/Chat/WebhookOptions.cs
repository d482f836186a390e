using MediaAnalysis.Configuration;

namespace MediaAnalysis.Chat;

// How long a platform may take to send a webhook's body. Discord and Slack send a few KB at once; a sender
// that trickles (or promises more than it sends) is cut off, so it never holds a connection and a thread.
public sealed class WebhookOptions : IValidatedOptions
{
    public const string SectionName = "Webhooks";

    public TimeSpan BodyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Validate()
    {
        if (OptionChecks.Positive($"{SectionName}:BodyTimeout", BodyTimeout) is { } problem)
        {
            yield return problem;
        }
    }
}
