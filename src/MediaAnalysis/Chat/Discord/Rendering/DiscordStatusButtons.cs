using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Rendering;

// The status message's buttons: "Side by side" (a link button to the results page) on every render that knows its
// link, Cancel while the job can be cancelled, and Delete once it ended (it asks first: DiscordDeleteButtons).
public static class DiscordStatusButtons
{
    public const string PageButton = "Side by side";

    public const string DeleteLabel = "Delete";

    public static List<Component> For(JobStatus status, string cancelId)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(cancelId);
        var buttons = new List<Component>();
        if (status.PageUrl is { Length: > 0 and <= 512 } url)
        {
            buttons.Add(Component.Link(PageButton, url));
        }
        if (status.Cancellable && cancelId.Length <= DiscordLimits.CustomId)
        {
            buttons.Add(Component.Button(ButtonStyle.Danger, "Cancel", cancelId));
        }
        if (status.Deletable && DiscordDeleteButtons.Ask + status.JobId is { Length: <= DiscordLimits.CustomId } deleteId)
        {
            buttons.Add(Component.Button(ButtonStyle.Danger, DeleteLabel, deleteId));
        }
        return buttons;
    }
}
