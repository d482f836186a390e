using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// A person as users.info shows them; only the role flags matter here.
public sealed record SlackUserInfo
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("team_id")]
    public string? TeamId { get; init; }

    [JsonPropertyName("is_admin")]
    public bool? IsAdmin { get; init; }

    [JsonPropertyName("is_owner")]
    public bool? IsOwner { get; init; }

    [JsonPropertyName("is_primary_owner")]
    public bool? IsPrimaryOwner { get; init; }

    [JsonIgnore]
    public bool IsWorkspaceAdmin => IsAdmin == true || IsOwner == true || IsPrimaryOwner == true;
}
