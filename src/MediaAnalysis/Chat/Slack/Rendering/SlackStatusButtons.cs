using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack.Rendering;

// The status message's buttons: "Side by side" (the results page) on every render that knows its link, and a red
// Cancel while the job can be cancelled, and Delete (asking first) once it ended.
public static class SlackStatusButtons
{
    public const string PageButton = "Side by side";

    // Slack still sends a block_actions payload for a link button's click: acknowledged, nothing else done.
    public const string PageActionId = "open_page";

    public const string DeleteActionId = "delete_job";

    public static List<ButtonElement> For(JobStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var buttons = new List<ButtonElement>();
        if (status.PageUrl is { Length: > 0 and <= 3000 } url)
        {
            buttons.Add(new ButtonElement { Text = TextObject.Plain(PageButton), ActionId = PageActionId, Url = url });
        }
        if (status.Cancellable && status.JobId.Length is > 0 and <= SlackLimits.ButtonValue)
        {
            buttons.Add(new ButtonElement
            {
                Text = TextObject.Plain("Cancel"), ActionId = SlackRenderer.CancelActionId, Value = status.JobId, Style = ButtonElement.Danger,
                Confirm = CancelConfirm,
            });
        }
        if (status.Deletable && status.JobId.Length is > 0 and <= SlackLimits.ButtonValue)
        {
            buttons.Add(new ButtonElement
            {
                Text = TextObject.Plain("Delete"), ActionId = DeleteActionId, Value = status.JobId, Style = ButtonElement.Danger, Confirm = DeleteConfirm,
            });
        }
        return buttons;
    }

    // The job id back from a Delete click, or null when the click was for something else.
    public static string? DeletedJobId(BlockAction? action) =>
        action is { ActionId: DeleteActionId, Value: { Length: > 0 } jobId } ? jobId : null;

    private static readonly ConfirmDialog DeleteConfirm = new()
    {
        Title = TextObject.Plain("Delete these results?"),
        Text = TextObject.Plain("The stored transcript, the answers and the results page go for good; the messages already posted stay."),
        Confirm = TextObject.Plain("Delete for good"),
        Deny = TextObject.Plain("Keep them"),
        Style = ButtonElement.Danger,
    };

    // A mis-click must not throw away a long job: Slack asks before it sends the click.
    private static readonly ConfirmDialog CancelConfirm = new()
    {
        Title = TextObject.Plain("Cancel this analysis?"),
        Text = TextObject.Plain("The transcript and answers not yet posted will not be made."),
        Confirm = TextObject.Plain("Cancel it"),
        Deny = TextObject.Plain("Keep going"),
        Style = ButtonElement.Danger,
    };
}
