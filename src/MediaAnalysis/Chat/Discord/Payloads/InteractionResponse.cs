using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// The inline answer to Discord's POST (within 3 s). `data` takes the message fields.
public sealed record InteractionResponse
{
    public static readonly InteractionResponse Pong = new() { Type = InteractionCallbackType.Pong };

    public static readonly InteractionResponse Deferred = new() { Type = InteractionCallbackType.DeferredChannelMessageWithSource };

    // Acknowledges a button click; the message is edited afterwards.
    public static readonly InteractionResponse DeferredUpdate = new() { Type = InteractionCallbackType.DeferredUpdateMessage };

    [JsonPropertyName("type")]
    public InteractionCallbackType Type { get; init; }

    [JsonPropertyName("data")]
    public MessageBody? Data { get; init; }
}
