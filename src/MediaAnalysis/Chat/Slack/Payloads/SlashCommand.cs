
namespace MediaAnalysis.Chat.Slack.Payloads;

// The form fields of a slash command POST (application/x-www-form-urlencoded). Slash commands carry no files and
// cannot be used in threads; text is everything after the command, maybe a message link.
public sealed record SlashCommand
{
    public required string TeamId { get; init; }

    public string? TeamDomain { get; init; }

    public string? EnterpriseId { get; init; }

    public required string ChannelId { get; init; }

    public string? ChannelName { get; init; }

    public required string UserId { get; init; }

    // Deprecated by Slack; shown only as a fallback for the user id.
    public string? UserName { get; init; }

    public required string Command { get; init; }

    public string Text { get; init; } = "";

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    public string? ApiAppId { get; init; }

    // Null when a required field (team_id, channel_id, user_id, command) is missing.
    public static SlashCommand? FromForm(IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? Get(string key) => form.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        if (Get("team_id") is not { } team || Get("channel_id") is not { } channel || Get("user_id") is not { } user
            || Get("command") is not { } command)
        {
            return null;
        }
        return new SlashCommand
        {
            TeamId = team,
            TeamDomain = Get("team_domain"),
            EnterpriseId = Get("enterprise_id"),
            ChannelId = channel,
            ChannelName = Get("channel_name"),
            UserId = user,
            UserName = Get("user_name"),
            Command = command,
            Text = Get("text") ?? "",
            ResponseUrl = Get("response_url"),
            TriggerId = Get("trigger_id"),
            ApiAppId = Get("api_app_id"),
        };
    }
}
