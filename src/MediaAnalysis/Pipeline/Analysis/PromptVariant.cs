namespace MediaAnalysis.Pipeline.Analysis;

// One way of asking about a transcript. User holds "{transcript}" exactly once.
public sealed class PromptVariant
{
    public const string TranscriptPlaceholder = "{transcript}";

    public string Name { get; set; } = "";

    public string System { get; set; } = "";

    public string User { get; set; } = "";
}
