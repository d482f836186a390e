using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Rendering;

// The status message's buttons: "Side by side" (a link button to the results page) on every render that knows its
// link, and Cancel while the job can be cancelled.
public static class DiscordStatusButtons
{
    public const string PageButton = "Side by side";

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
        return buttons;
    }
}
