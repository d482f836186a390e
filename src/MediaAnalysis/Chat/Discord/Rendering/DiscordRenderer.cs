using MediaAnalysis.Chat.Discord.Payloads;

namespace MediaAnalysis.Chat.Discord.Rendering;

// Pure functions from platform-neutral job state to Discord message bodies, always within Discord's limits
// (DiscordLimits) whatever the input, and never pinging anyone (allowed_mentions parse: []).
public static partial class DiscordRenderer
{
    public const string CancelPrefix = "cancel:";
    public const int FailureColour = 0xED4245;

    // Distinct, none of them red (red means a failed call).
    private static readonly int[] Palette = [0x5865F2, 0x57F287, 0xFEE75C, 0xEB459E, 0x1ABC9C, 0xE67E22, 0x3498DB, 0x9B59B6];

    // Only the asker sees it; Discord shows it as the answer to their command.
    public static InteractionResponse Ephemeral(string text) => new()
    {
        Type = InteractionCallbackType.ChannelMessageWithSource,
        Data = new MessageBody
        {
            Content = TextClip.Clip(text, DiscordLimits.Content),
            Flags = MessageFlags.Ephemeral,
            AllowedMentions = AllowedMentions.None,
        },
    };

    // "会议.mp4" → "会议.transcript.txt": see UploadFileNames; at most 100 bytes of UTF-8.
    public static string TranscriptFileName(string sourceName) => UploadFileNames.Transcript(sourceName, DiscordLimits.FileName);

    public static string ThreadName(string sourceName) =>
        TextClip.Clip("Analysis: " + (string.IsNullOrWhiteSpace(sourceName) ? "video" : sourceName.ReplaceLineEndings(" ").Trim()), DiscordLimits.ThreadName);

    // The job id back from a Cancel button's custom_id, or null when the click was for something else.
    public static string? CancelledJobId(string? customId) =>
        customId is not null && customId.StartsWith(CancelPrefix, StringComparison.Ordinal) && customId.Length > CancelPrefix.Length
            ? customId[CancelPrefix.Length..]
            : null;

    // Stable across runs and machines (unlike string.GetHashCode): FNV-1a over the model id.
    public static int ColourFor(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var hash = 2166136261u;
        foreach (var c in model)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return Palette[hash % (uint)Palette.Length];
    }
}
