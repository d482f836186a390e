using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Pipeline.Analysis;

// What the bot adds to every prompt's system message, so no operator (or server) has to write it: cite the moment
// each point comes from, and answer in the chosen (or detected) language, by name.
public static class AnswerInstructions
{
    public static string For(Transcript transcript) => For(transcript, answerLanguage: null);

    // `answerLanguage`: a server's choice (a BCP-47 code) over the speech's language.
    public static string For(Transcript transcript, string? answerLanguage)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var language = answerLanguage is { Length: > 0 } asked
            ? $"Answer in {SpeechLanguages.NameOf(asked)}, whatever language the speakers use."
            : transcript.Language is { Length: > 0 } code && code != "multi"
            ? $"Answer in {SpeechLanguages.NameOf(code)}."
            : "Answer in the language the speakers use.";
        return transcript.Paragraphs.Count == 0
            ? language
            : "Each transcript paragraph starts with the moment it was said, [m:ss] or [h:mm:ss], and the speaker (S1, S2) "
              + "when there are several. Cite the moment each point comes from in the same form, for example [12:04], "
              + "and cite only moments that are in the transcript. " + language;
    }
}
