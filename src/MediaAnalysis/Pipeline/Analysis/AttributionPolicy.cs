using System.ClientModel.Primitives;

namespace MediaAnalysis.Pipeline.Analysis;

// OpenRouter's optional attribution headers, on every request of the client.
public sealed class AttributionPolicy(string? appUrl, string appTitle) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Apply(PipelineMessage message)
    {
        if (!string.IsNullOrWhiteSpace(appUrl))
        {
            message.Request.Headers.Set("HTTP-Referer", appUrl);
        }
        message.Request.Headers.Set("X-OpenRouter-Title", appTitle);
    }
}
