using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Settings;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Rendering;

// `/settings show`: one private embed, a field per setting (marked when it is the operator's default), then the
// last five changes.
public static class DiscordSettingsRenderer
{
    public static InteractionResponse Show(IReadOnlyList<SettingLine> lines, IReadOnlyList<SettingsChange> history)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(history);
        var fields = lines.Take(DiscordLimits.EmbedFields - 1).Select(l => new EmbedField
        {
            Name = TextClip.Clip(l.Name, DiscordLimits.FieldName),
            Value = TextClip.Clip(l.Value + (l.ByServer ? "" : " · *default*"), DiscordLimits.FieldValue),
        }).ToList();
        var changes = history.Count == 0
            ? "None yet."
            : string.Join("\n", history.Select(c => $"<t:{c.At.ToUnixTimeSeconds()}:f> {c.By}: {c.What}"));
        fields.Add(new EmbedField { Name = "Recent changes", Value = TextClip.Clip(changes, DiscordLimits.FieldValue) });
        return new InteractionResponse
        {
            Type = InteractionCallbackType.ChannelMessageWithSource,
            Data = new MessageBody
            {
                Embeds = [new Embed { Title = "Settings for this server", Color = 0x5865F2, Fields = fields }],
                Flags = MessageFlags.Ephemeral,
                AllowedMentions = AllowedMentions.None,
            },
        };
    }
}
