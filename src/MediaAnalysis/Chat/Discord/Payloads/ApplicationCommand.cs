using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// A command definition for PUT /applications/{app}/commands, and what Discord returns for it.
public sealed record ApplicationCommand
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("type")]
    public ApplicationCommandType Type { get; init; }

    // CHAT_INPUT only (1-100 characters); message commands have none.
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    // Decimal permission bitfield a member needs; null = everyone, "0" = admins only.
    [JsonPropertyName("default_member_permissions")]
    public string? DefaultMemberPermissions { get; init; }

    // 0 GUILD_INSTALL, 1 USER_INSTALL (global commands only).
    [JsonPropertyName("integration_types")]
    public IReadOnlyList<int>? IntegrationTypes { get; init; }

    [JsonPropertyName("contexts")]
    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }
}
