using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline.Transcription;

// The one copy of the transcript the job keeps: the plain text as Deepgram wrote it, and the same speech cut into
// timed paragraphs with speakers (none for a transcript stored before paragraphs were kept).
public sealed record Transcript(string Text, double DurationSeconds, string? Language, string? RequestId)
{
    public IReadOnlyList<TranscriptParagraph> Paragraphs { get; init; } = [];

    // The language was asked for (by the person or Deepgram:Language), not detected.
    public bool LanguageChosen { get; init; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    public int SpeakerCount => Paragraphs.Select(p => p.Speaker).OfType<int>().Distinct().Count();

    public int WordCount
    {
        get
        {
            var count = 0;
            var inWord = false;
            foreach (var c in Text)
            {
                var space = char.IsWhiteSpace(c);
                if (!space && !inWord)
                {
                    count++;
                }
                inWord = !space;
            }
            return count;
        }
    }
}
