using System.Text.Json.Serialization;

namespace MediaAnalysis.Jobs;

// A server's own prompt: a name and what to do. The bot adds the transcript, the citation rule and the answer
// language, so a server never writes a placeholder.
public sealed record ServerPrompt(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("instructions")] string Instructions);
