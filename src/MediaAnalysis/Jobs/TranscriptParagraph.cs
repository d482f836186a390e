namespace MediaAnalysis.Jobs;

// One paragraph of speech as Deepgram cut it: seconds from the start, the speaker numbered from 1
// (null when only one voice was heard), and its text.
public sealed record TranscriptParagraph(double Start, double End, int? Speaker, string Text);
