using MediaAnalysis.Chat.Slack.Payloads;

namespace MediaAnalysis.Chat.Slack.Inbound;

// Picks the first video or audio file of a message: from files[], or for a shared or unfurled message from
// attachments[].files[]. Links to external files (Drive and the like) and deleted files have nothing to download.
public static class SlackAttachmentPicker
{
    private static readonly HashSet<string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "mp4", "mov", "m4v", "webm", "mkv", "avi", "mpg", "mpeg", "wmv", "flv", "3gp", "ogv",
        "m4a", "mp3", "wav", "aac", "ogg", "oga", "opus", "flac", "weba", "amr",
    };

    public static SlackPick Pick(SlackMessage? message) => Pick(message?.Files, message?.Attachments);

    public static SlackPick Pick(SlackEvent? message) => Pick(message?.Files, message?.Attachments);

    public static SlackPick Pick(IReadOnlyList<SlackFile>? files, IReadOnlyList<MessageAttachment>? attachments)
    {
        List<SlackFile> all = [.. files ?? [], .. (attachments ?? []).SelectMany(a => a.Files ?? [])];
        var media = all.Where(IsMedia).ToList();
        if (media.Count == 0)
        {
            return new SlackPick(null, 0, null, Refusal(all));
        }
        var first = media[0];
        var note = media.Count == 1
            ? null
            : $"This message has {media.Count} videos or recordings; analyzing the first one, {Display(first)}.";
        return new SlackPick(first, media.Count, note, null);
    }

    // For /analyze without a link: the newest message (history comes newest first) with a video or audio file.
    public static SlackPick PickLatest(IReadOnlyList<SlackMessage>? history)
    {
        foreach (var message in history ?? [])
        {
            if (message.Subtype is "bot_message" || message.BotId is not null)
            {
                continue;
            }
            var pick = Pick(message);
            if (pick.File is { } file)
            {
                return pick with { Note = $"Analyzing the latest video in this channel, {Display(file)}.", Message = message };
            }
        }
        return new SlackPick(null, 0, null,
            "I found no recent video in this channel. Use the \"Analyze video\" shortcut on the message with the video, or mention me in it.");
    }

    public static bool IsMedia(SlackFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Mode is "external" or "tombstone" || file.IsExternal == true)
        {
            return false;
        }
        if (file.Mimetype is { } mime && (mime.StartsWith("video/", StringComparison.OrdinalIgnoreCase) || mime.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        if (file.Filetype is { } type && MediaTypes.Contains(type))
        {
            return true;
        }
        var extension = Path.GetExtension(file.Name ?? "").TrimStart('.');
        return extension.Length > 0 && MediaTypes.Contains(extension) && file.Mimetype is null or "application/octet-stream";
    }

    private static string Display(SlackFile file) => file.Name ?? file.Title ?? file.Id ?? "the file";

    private static string Refusal(List<SlackFile> files)
    {
        if (files.Count == 0)
        {
            return "That message has no file. Share the video in Slack (not a link) and try again.";
        }
        var file = files[0];
        if (file.Mode is "external" || file.IsExternal == true)
        {
            return $"{Display(file)} is a link to a file stored outside Slack; upload the video to Slack itself and try again.";
        }
        var kind = file.PrettyType ?? file.Filetype?.ToUpperInvariant();
        return files.Count == 1
            ? $"That file, {Display(file)}{(kind is null ? "" : $" ({kind})")}, is not a video or audio file, so there is nothing to transcribe."
            : $"None of the {files.Count} files in that message is a video or audio file.";
    }
}
