using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Inbound;

// The name shown for a Discord attachment, safe as FileNames makes it. Discord's attachment URL carries the name
// percent-encoded (".../%E4%BC%9A%E8%AE%AE.mp4"); a name that arrives that way is decoded, so people read
// "会议.mp4", and an attachment without a filename is named from its URL's last segment.
internal static class DiscordAttachmentName
{
    public static string Of(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var name = attachment.Filename;
        if (string.IsNullOrWhiteSpace(name) && Uri.TryCreate(attachment.Url, UriKind.Absolute, out var url))
        {
            name = FileNames.FromUrl(url);
        }
        else if (name.Contains('%', StringComparison.Ordinal))
        {
            name = Uri.UnescapeDataString(name);
        }
        return FileNames.Sanitize(name);
    }
}
