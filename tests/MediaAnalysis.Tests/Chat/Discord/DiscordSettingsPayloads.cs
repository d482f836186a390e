using System.Text.Json.Nodes;

namespace MediaAnalysis.Tests.Chat.Discord;

// /settings interactions as Discord sends them: the chat-input command with one subcommand (options nested in it),
// an autocomplete (type 4) with the focused option, and a modal submit (type 5) with its text inputs in action rows.
public static class DiscordSettingsPayloads
{
    public const string Manager = "32"; // MANAGE_GUILD

    public static JsonObject Command(DiscordFlowHarness h, string sub, params JsonObject[] options)
    {
        var json = Base(h);
        json["data"] = new JsonObject
        {
            ["id"] = "1300000000000000011",
            ["name"] = "settings",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = sub,
                ["type"] = 1,
                ["options"] = new JsonArray([.. options]),
            }),
        };
        return json;
    }

    public static JsonObject Option(string name, int type, JsonNode value) => new() { ["name"] = name, ["type"] = type, ["value"] = value };

    public static JsonObject Autocomplete(DiscordFlowHarness h, string typed)
    {
        var json = Command(h, "models", Option("model1", 3, typed));
        json["type"] = 4;
        json["data"]!["options"]![0]!["options"]![0]!["focused"] = true;
        return json;
    }

    public static JsonObject ModalSubmit(DiscordFlowHarness h, string customId, params (string Id, string Value)[] inputs)
    {
        var json = Base(h);
        json["type"] = 5;
        json["data"] = new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray([.. inputs.Select(i => (JsonNode)new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["id"] = 2, ["custom_id"] = i.Id, ["value"] = i.Value }),
            })]),
        };
        return json;
    }

    // The person: their roles and permissions (a decimal bitfield string).
    public static JsonObject As(JsonObject interaction, string userId, string permissions = "2048", params string[] roles)
    {
        interaction["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "user" + userId },
            ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)JsonValue.Create(r)!)]),
            ["permissions"] = permissions,
        };
        return interaction;
    }

    public static JsonObject In(JsonObject interaction, string channelId)
    {
        interaction["channel_id"] = channelId;
        interaction["channel"]!["id"] = channelId;
        return interaction;
    }

    public static string Content(JsonObject reply) => reply["data"]!["content"]!.GetValue<string>();

    // A fresh interaction (id, token) from the constructed sample, its data replaced by the caller.
    private static JsonObject Base(DiscordFlowHarness h)
    {
        var json = h.SlashCommand("unused.mp4");
        json.Remove("data");
        return json;
    }
}
