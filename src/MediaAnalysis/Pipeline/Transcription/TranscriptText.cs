using System.Text;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline.Transcription;

// The transcript written out: for people (the file, the terminal) and, compactly, for the models.
public static class TranscriptText
{
    // "[12:04] Speaker 2: text" blocks separated by blank lines; no labels with one speaker. A transcript kept
    // before paragraphs were stored has no times: its plain text is all there is.
    public static string Blocks(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (transcript.Paragraphs.Count == 0)
        {
            return transcript.Text;
        }
        var text = new StringBuilder(transcript.Text.Length + (transcript.Paragraphs.Count * 24));
        foreach (var p in transcript.Paragraphs)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            text.Append('[').Append(Timestamp.Of(p.Start)).Append("] ");
            if (p.Speaker is { } speaker)
            {
                text.Append("Speaker ").Append(speaker).Append(": ");
            }
            text.Append(p.Text);
        }
        return text.ToString();
    }

    // The transcript file: a short header (file, length, language, speakers), then the blocks.
    public static string File(string sourceName, Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var speakers = transcript.SpeakerCount;
        var header = new StringBuilder()
            .Append("Transcript of ").Append(sourceName).Append('\n')
            .Append("Length: ").Append(Timestamp.Of(transcript.DurationSeconds)).Append('\n');
        if (transcript.Language is { Length: > 0 } language)
        {
            header.Append("Language: ").Append(SpeechLanguages.NameOf(language))
                .Append(transcript.LanguageChosen ? " (chosen)" : " (detected)").Append('\n');
        }
        if (transcript.Paragraphs.Count > 0)
        {
            header.Append("Speakers: ").Append(speakers > 1 ? speakers : 1).Append('\n');
        }
        return header.Append('\n').Append(Blocks(transcript)).Append('\n').ToString();
    }

    // What the models read: one "[m:ss] S2: " label per paragraph, one paragraph a line (no "S" with one speaker).
    // As pieces, so the fan-out escapes them straight into its one UTF-8 block with no joined copy in between.
    public static IReadOnlyList<string> PromptPieces(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (transcript.Paragraphs.Count == 0)
        {
            return [transcript.Text];
        }
        var pieces = new List<string>(transcript.Paragraphs.Count * 2);
        foreach (var p in transcript.Paragraphs)
        {
            var label = $"[{Timestamp.Of(p.Start)}] " + (p.Speaker is { } speaker ? $"S{speaker}: " : "");
            pieces.Add(pieces.Count == 0 ? label : "\n" + label);
            pieces.Add(p.Text);
        }
        return pieces;
    }

    public static string Prompt(Transcript transcript) => string.Concat(PromptPieces(transcript));
}
