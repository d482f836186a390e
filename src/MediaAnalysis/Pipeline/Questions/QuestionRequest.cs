using System.Text;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Pipeline.Questions;

// A follow-up question's request: the structured transcript ([m:ss] S1: paragraphs), the answers' titles when they
// fit (QuestionTitles), the thread's last three
// questions and answers, the question, and a json_schema response_format (QuestionJson).
public static class QuestionRequest
{
    public const int Earlier = 3;

    public const string System = """
        You answer one question about a recorded video, using only its transcript below. Never use outside knowledge and never guess.
        Reply with the JSON document the schema describes: "answer" (short, in Markdown, citing the moment of each point),
        "supported" (true only when the transcript itself holds the answer; false when it does not, and then "answer" may be empty),
        and "moments" (the [m:ss] moments the answer relies on, as "m:ss" strings). Earlier questions in the thread are given so
        follow-ups like "and the second point?" can be understood; answer only the last question.
        """;

    public static byte[] Body(string model, Transcript transcript, string question, IReadOnlyList<QuestionExchange> earlier, int maxTokens, string? titles = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(earlier);
        return SchemaRequestBody.Write(model, maxTokens, System + "\n" + AnswerInstructions.For(transcript), User(transcript, question, earlier, titles),
            QuestionJson.SchemaName, QuestionJson.Schema);
    }

    // `titles`: QuestionTitles.Block, or null when the answers' titles do not fit (or there are none).
    public static string User(Transcript transcript, string question, IReadOnlyList<QuestionExchange> earlier, string? titles = null)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var text = new StringBuilder("Transcript:\n").Append(TranscriptText.Prompt(transcript)).Append("\n\n");
        if (titles is { Length: > 0 })
        {
            text.Append(titles).Append("\n\n");
        }
        var last = earlier.TakeLast(Earlier).ToList();
        if (last.Count > 0)
        {
            text.Append("Earlier questions in this thread:\n");
            foreach (var e in last)
            {
                text.Append("Q: ").Append(e.Question.Trim()).Append("\nA: ").Append(e.Answer.Trim()).Append("\n\n");
            }
        }
        return text.Append("Question: ").Append(question.Trim()).ToString();
    }
}
