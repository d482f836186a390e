using MediaAnalysis.Chat.Discord.Payloads;

namespace MediaAnalysis.Chat.Discord.Rendering;

// Delete asks first: the status's Delete button (Ask) answers the clicker alone with the question and two buttons,
// Delete for good (Confirm) and Keep them (Keep). Each custom_id carries the job id after its prefix.
public static class DiscordDeleteButtons
{
    public const string Ask = "delete:";
    public const string Confirm = "delete-yes:";
    public const string Keep = "delete-keep:";

    // (prefix, job id) of a Delete-family click, or null for any other custom_id.
    public static (string Prefix, string JobId)? Read(string? customId)
    {
        foreach (var prefix in (ReadOnlySpan<string>)[Ask, Confirm, Keep])
        {
            if (customId is not null && customId.Length > prefix.Length && customId.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (prefix, customId[prefix.Length..]);
            }
        }
        return null;
    }

    // Only the clicker sees it.
    public static InteractionResponse Question(string sourceName, string jobId) => new()
    {
        Type = InteractionCallbackType.ChannelMessageWithSource,
        Data = new MessageBody
        {
            Content = TextClip.Clip(
                $"Delete the results of **{DiscordText.EscapeMarkdown(TextClip.Clip(sourceName, 100))}**? The stored transcript, the answers and "
                + "the results page go for good; the messages already posted stay.", DiscordLimits.Content),
            Flags = MessageFlags.Ephemeral,
            AllowedMentions = AllowedMentions.None,
            Components = [Component.Row(
                Component.Button(ButtonStyle.Danger, "Delete for good", Confirm + jobId),
                Component.Button(ButtonStyle.Secondary, "Keep them", Keep + jobId))],
        },
    };

    // Replaces the question (and its buttons, so it cannot be clicked again) with how it ended.
    public static InteractionResponse Answer(string text) => new()
    {
        Type = InteractionCallbackType.UpdateMessage,
        Data = new MessageBody { Content = TextClip.Clip(text, DiscordLimits.Content), Components = [], AllowedMentions = AllowedMentions.None },
    };
}
