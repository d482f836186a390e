namespace MediaAnalysis.Pipeline.Analysis;

// Analysis:Verdict:*: the opt-in seventh post comparing the six answers (the operator's default; a server's own
// switch, once stored settings exist, wins: see Queue/VerdictSwitch).
public sealed class VerdictOptions
{
    public bool Enabled { get; set; }

    // Empty: the first of Analysis:Models.
    public string? Model { get; set; }

    // Empty: the second of Analysis:Models (none when there is only one).
    public string? Fallback { get; set; }

    // Enough for a verdict of a few dozen points; the answers themselves are the long part of the request.
    public int MaxTokens { get; set; } = 2000;
}
