using System.Text;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline.Analysis;

// The verdict's request body: the answers (not the transcript), each headed by its prompt and model, and a
// response_format of type json_schema so the reply is a PanelVerdict document and nothing else.
public static class VerdictRequest
{
    public const string System = """
        You compare answers that several AI models wrote about the same video, each from the same transcript.
        You do not see the video or the transcript: judge only what the answers say.
        Reply with the JSON document the schema describes:
        - agreements: points most of the answers make, one short sentence each;
        - disagreements: each point the answers differ on, with every differing model's position, naming each model exactly as it is named in its heading;
        - unique_points: a point only one model noticed, naming that model.
        Leave a list empty rather than inventing an entry. Write in the language of the answers.
        """;

    public static byte[] Body(string model, IReadOnlyList<ModelOutcome.Succeeded> answers, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return SchemaRequestBody.Write(model, maxTokens, System, User(answers), PanelVerdictJson.SchemaName, PanelVerdictJson.Schema);
    }

    public static string User(IReadOnlyList<ModelOutcome.Succeeded> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var text = new StringBuilder();
        for (var i = 0; i < answers.Count; i++)
        {
            text.Append("## Answer ").Append(i + 1).Append(": model ").Append(answers[i].Model)
                .Append(", prompt \"").Append(answers[i].Prompt).Append("\"\n\n")
                .Append(answers[i].Answer.Trim()).Append("\n\n");
        }
        return text.ToString().TrimEnd();
    }
}
