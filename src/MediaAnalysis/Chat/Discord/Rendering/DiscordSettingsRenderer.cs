using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Settings;
using MediaAnalysis.Jobs;
using MediaAnalysis.Spend;

namespace MediaAnalysis.Chat.Discord.Rendering;

// `/settings show`: one private embed, a field per setting (marked when it is the operator's default), this month's
// spend against the budget and any model the budget cannot see, then the last five changes.
public static class DiscordSettingsRenderer
{
    private const int Warning = 0xE67E22;
    private const int Blurple = 0x5865F2;

    public static InteractionResponse Show(IReadOnlyList<SettingLine> lines, SettingsSpend? spend, IReadOnlyList<SettingsChange> history)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(history);
        var fields = lines.Take(DiscordLimits.EmbedFields - 3).Select(l => Field(l.Name, l.Value + (l.ByServer ? "" : " · *default*"))).ToList();
        fields.Add(spend is null
            ? Field("Spend this month", SpendText.LedgerUnreadable)
            : Field(spend.Title, spend.Month));
        if (spend?.Warning is { } warning)
        {
            fields.Add(Field("⚠️ Unpriced models", warning));
        }
        var changes = history.Count == 0
            ? "None yet."
            : string.Join("\n", history.Select(c => $"<t:{c.At.ToUnixTimeSeconds()}:f> {c.By}: {c.What}"));
        fields.Add(Field("Recent changes", changes));
        return new InteractionResponse
        {
            Type = InteractionCallbackType.ChannelMessageWithSource,
            Data = new MessageBody
            {
                Embeds = [new Embed { Title = "Settings for this server", Color = spend?.Warning is null ? Blurple : Warning, Fields = fields }],
                Flags = MessageFlags.Ephemeral,
                AllowedMentions = AllowedMentions.None,
            },
        };
    }

    private static EmbedField Field(string name, string value) =>
        new() { Name = TextClip.Clip(name, DiscordLimits.FieldName), Value = TextClip.Clip(value, DiscordLimits.FieldValue) };
}
