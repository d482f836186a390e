using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// The JSON in the `payload` form field sent to the interactivity URL: message_action (a message shortcut,
// carrying the whole message) or block_actions (a button click). Global shortcuts have no channel or message.
public sealed record InteractionPayload
{
    public const string MessageAction = "message_action";
    public const string BlockActions = "block_actions";
    public const string ViewSubmission = "view_submission";

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("callback_id")]
    public string? CallbackId { get; init; }

    [JsonPropertyName("trigger_id")]
    public string? TriggerId { get; init; }

    [JsonPropertyName("action_ts")]
    public string? ActionTs { get; init; }

    [JsonPropertyName("api_app_id")]
    public string? ApiAppId { get; init; }

    [JsonPropertyName("team")]
    public SlackTeam? Team { get; init; }

    [JsonPropertyName("user")]
    public SlackUser? User { get; init; }

    [JsonPropertyName("channel")]
    public SlackChannel? Channel { get; init; }

    [JsonPropertyName("message_ts")]
    public string? MessageTs { get; init; }

    [JsonPropertyName("message")]
    public SlackMessage? Message { get; init; }

    [JsonPropertyName("actions")]
    public IReadOnlyList<BlockAction>? Actions { get; init; }

    [JsonPropertyName("container")]
    public InteractionContainer? Container { get; init; }

    // view_submission: the modal, with state.values holding what was entered.
    [JsonPropertyName("view")]
    public System.Text.Json.JsonElement? View { get; init; }

    // hooks.slack.com; good for 5 posts within 30 minutes.
    [JsonPropertyName("response_url")]
    public string? ResponseUrl { get; init; }
}
