using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Rendering;

// The status message's buttons: "Side by side" (a link button to the results page) on every render that knows its
// link, Cancel while the job can be cancelled, "Ask a question" once its answers are in (in a thread), and Delete
// once it ended (it asks first: DiscordDeleteButtons).
public static class DiscordStatusButtons
{
    public const string PageButton = "Side by side";

    public const string DeleteLabel = "Delete";

    public const string AskButton = "Ask a question";

    // The "Ask a question" button's custom_id (and its modal's): this prefix and the job id.
    public const string AskPrefix = "ask:";

    // `inThread`: the answers are in a thread, where a question's answer goes.
    public static List<Component> For(JobStatus status, string cancelId, bool inThread = false)
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
        // The final status of a job whose answers are in: a question about it opens a one-field form (DiscordAskEndpoint).
        if (inThread && status.State == JobState.Done && (AskPrefix + status.JobId) is { Length: <= DiscordLimits.CustomId } askId)
        {
            buttons.Add(Component.Button(ButtonStyle.Secondary, AskButton, askId));
        }
        if (status.Deletable && DiscordDeleteButtons.Ask + status.JobId is { Length: <= DiscordLimits.CustomId } deleteId)
        {
            buttons.Add(Component.Button(ButtonStyle.Danger, DeleteLabel, deleteId));
        }
        return buttons;
    }
}
