using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// What Discord POSTs to the interactions endpoint. Only the fields the bot reads; the rest is skipped.
public sealed record Interaction
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("application_id")]
    public string ApplicationId { get; init; } = "";

    [JsonPropertyName("type")]
    public InteractionType Type { get; init; }

    [JsonPropertyName("data")]
    public InteractionData? Data { get; init; }

    [JsonPropertyName("guild_id")]
    public string? GuildId { get; init; }

    // Preferred over channel_id, which Discord may deprecate.
    [JsonPropertyName("channel")]
    public Channel? Channel { get; init; }

    [JsonPropertyName("channel_id")]
    public string? ChannelId { get; init; }

    // Sent in guilds; `User` instead in DMs.
    [JsonPropertyName("member")]
    public GuildMember? Member { get; init; }

    [JsonPropertyName("user")]
    public User? User { get; init; }

    // The continuation token: a credential for 15 minutes. Never log it.
    [JsonPropertyName("token")]
    public string Token { get; init; } = "";

    [JsonPropertyName("version")]
    public int Version { get; init; }

    // Only on component interactions: the message the button was on.
    [JsonPropertyName("message")]
    public Message? Message { get; init; }

    // The app's permissions where the interaction happened (decimal bitfield string).
    [JsonPropertyName("app_permissions")]
    public string? AppPermissions { get; init; }

    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    [JsonPropertyName("guild_locale")]
    public string? GuildLocale { get; init; }

    // "0" (guild install) → guild id, or "0" in a bot DM; "1" (user install) → user id.
    [JsonPropertyName("authorizing_integration_owners")]
    public IReadOnlyDictionary<string, string>? AuthorizingIntegrationOwners { get; init; }

    [JsonPropertyName("context")]
    public InteractionContextType? Context { get; init; }

    [JsonPropertyName("attachment_size_limit")]
    public long? AttachmentSizeLimit { get; init; }

    [JsonIgnore]
    public User? Invoker => Member?.User ?? User;

    [JsonIgnore]
    public string? EffectiveChannelId => Channel?.Id ?? ChannelId;

    // False for a user-installed app that is not in the server: bot-token calls there fail with 50001.
    [JsonIgnore]
    public bool IsGuildInstalled => AuthorizingIntegrationOwners?.ContainsKey("0") ?? GuildId is not null;

    // The record's generated ToString would print the token.
    public override string ToString() => $"Interaction {Id} (type {Type})";
}
