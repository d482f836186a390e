using MediaAnalysis.Chat.Discord.Payloads;

namespace MediaAnalysis.Chat.Discord.Rendering;

// Discord's message limits. Lengths are counted in UTF-16 code units, which is never less than
// what Discord counts, so staying under them here stays under them there.
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;
    public const int AuthorName = 256;

    // Title + description + field names and values + footer + author over all embeds of one message.
    public const int EmbedTotal = 6000;

    public const int ThreadName = 100;
    public const int FileName = 100;
    public const int ButtonLabel = 80;
    public const int CustomId = 100;

    public static int EmbedLength(Embed embed)
    {
        ArgumentNullException.ThrowIfNull(embed);
        var length = (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0)
            + (embed.Footer?.Text.Length ?? 0) + (embed.Author?.Name.Length ?? 0);
        foreach (var field in embed.Fields ?? [])
        {
            length += field.Name.Length + field.Value.Length;
        }
        return length;
    }

    public static int EmbedsLength(IEnumerable<Embed>? embeds) => embeds?.Sum(EmbedLength) ?? 0;
}
