namespace MediaAnalysis.Pipeline.Transcription;

// The one copy of the transcript text the job keeps.
public sealed record Transcript(string Text, double DurationSeconds, string? Language, string? RequestId)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

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
