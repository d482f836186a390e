using System.Text.Json.Nodes;

namespace MediaAnalysis.Fakes.Discord;

// An error the fake answers with: {"code", "message", "errors"?} as Discord does.
public sealed record FakeDiscordError(int Status, int Code, string Message, JsonObject? Errors = null)
{
    public string Json()
    {
        var body = new JsonObject { ["code"] = Code, ["message"] = Message };
        if (Errors is not null)
        {
            body["errors"] = Errors.DeepClone();
        }
        return body.ToJsonString();
    }

    // 50035 with one `_errors` leaf at a JSON path such as ["embeds", "0", "description"].
    public static FakeDiscordError InvalidForm(string detail, string errorCode, params string[] path)
    {
        var leaf = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["code"] = errorCode, ["message"] = detail }) };
        for (var i = path.Length - 1; i >= 0; i--)
        {
            leaf = new JsonObject { [path[i]] = leaf };
        }
        return new FakeDiscordError(400, 50035, "Invalid Form Body", leaf);
    }
}
