using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Api;

namespace MediaAnalysis.Chat.Discord.Inbound;

// The video an interaction is about: the /analyze option's attachment, or the first video or audio file
// of the message "Analyze video" was used on (saying which, when there were several).
public static class DiscordVideoPicker
{
    private static readonly string[] MediaExtensions =
        [".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi", ".qt", ".mp3", ".m4a", ".wav", ".ogg", ".opus", ".flac", ".aac"];

    public static (Attachment? Video, Attachment? Rejected, int Candidates) Pick(Interaction interaction)
    {
        var data = interaction.Data;
        if (data?.Type == ApplicationCommandType.Message)
        {
            var message = data.TargetId is { } target && data.Resolved?.Messages?.GetValueOrDefault(target) is { } m ? m : null;
            var attachments = message?.Attachments ?? [];
            var media = attachments.Where(IsMedia).ToList();
            return (media.Count > 0 ? media[0] : null, media.Count == 0 && attachments.Count > 0 ? attachments[0] : null, media.Count);
        }
        var id = data?.Options?.FirstOrDefault(o => o.Name == DiscordCommands.VideoOption)?.StringValue;
        var attachment = id is not null ? data?.Resolved?.Attachments?.GetValueOrDefault(id) : null;
        return attachment is null ? (null, null, 0) : IsMedia(attachment) ? (attachment, null, 1) : (null, attachment, 0);
    }

    public static bool IsMedia(Attachment attachment) =>
        attachment.ContentType is { } type
            ? type.StartsWith("video/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            : MediaExtensions.Contains(Path.GetExtension(attachment.Filename), StringComparer.OrdinalIgnoreCase);

    public static string Describe(Attachment attachment)
    {
        var type = attachment.ContentType?.Split(';')[0];
        var kind = type switch
        {
            "application/pdf" => "a PDF",
            { } t when t.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => "an image",
            { } t when t.StartsWith("text/", StringComparison.OrdinalIgnoreCase) => "a text file",
            _ => $"a {Path.GetExtension(attachment.Filename).TrimStart('.').ToUpperInvariant()} file",
        };
        return kind;
    }
}
