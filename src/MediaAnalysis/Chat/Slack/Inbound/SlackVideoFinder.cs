using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Chat.Slack.Payloads;

namespace MediaAnalysis.Chat.Slack.Inbound;

// Finds the video a request is about: in the message itself (Slack Connect stubs looked up with files.info first),
// in a linked message (a channel message or a reply in a thread, only for members of its channel), or in the
// parent of the thread a mention was posted in.
public sealed class SlackVideoFinder(SlackApiClient api, ILogger<SlackVideoFinder> logger)
{
    private const int MaxLookups = 10;

    // What a person hears when a linked message cannot be used: the same words whatever the reason, so the refusal
    // tells nothing about a channel they cannot see.
    public const string LinkRefusal =
        "I can't analyze that link: I can only open messages in channels you are a member of (and I've been added to). "
        + "Open the message and use the \"Analyze video\" shortcut on it instead.";

    public Task<SlackPick> PickAsync(SlackMessage? message, CancellationToken cancellationToken) =>
        PickAsync(message?.Files, message?.Attachments, cancellationToken);

    public Task<SlackPick> PickAsync(SlackEvent? message, CancellationToken cancellationToken) =>
        PickAsync(message?.Files, message?.Attachments, cancellationToken);

    // Slack Connect shares a file as a stub (file_access "check_file_info"): its name and type come from files.info.
    public async Task<SlackPick> PickAsync(IReadOnlyList<SlackFile>? files, IReadOnlyList<MessageAttachment>? attachments, CancellationToken cancellationToken)
    {
        var resolvedFiles = await ResolveAsync(files, cancellationToken);
        var resolvedAttachments = attachments;
        if (attachments?.Any(a => a.Files?.Any(IsStub) == true) == true)
        {
            var list = new List<MessageAttachment>(attachments.Count);
            foreach (var attachment in attachments)
            {
                list.Add(attachment with { Files = await ResolveAsync(attachment.Files, cancellationToken) });
            }
            resolvedAttachments = list;
        }
        return SlackAttachmentPicker.Pick(resolvedFiles, resolvedAttachments);
    }

    // The message a link points to, or null (with the reason logged) when the person may not see it or it is gone.
    // A link into the channel the command was typed in needs no membership look-up.
    public async Task<SlackMessage?> LinkedMessageAsync(string user, string fromChannel, string channel, string ts, string? threadTs, CancellationToken cancellationToken)
    {
        try
        {
            if (channel != fromChannel && !await api.IsMemberAsync(channel, user, cancellationToken))
            {
                SlackFlowLog.LinkRefused(logger, channel, "the requester is not a member");
                return null;
            }
            return threadTs is { } parent && parent != ts
                ? await api.GetThreadMessageAsync(channel, parent, ts, cancellationToken)
                : await api.GetMessageAsync(channel, ts, cancellationToken);
        }
        catch (SlackApiException ex) when (!ex.IsRateLimited && !ex.IsAuthFailure && ex.Status is < 500)
        {
            SlackFlowLog.LinkRefused(logger, channel, ex.Needed is null ? ex.Error : $"{ex.Error}, needs {ex.Needed}");
            return null;
        }
    }

    // The parent of the thread a mention was posted in.
    public Task<SlackMessage?> ThreadParentAsync(string channel, string threadTs, CancellationToken cancellationToken) =>
        api.GetMessageAsync(channel, threadTs, cancellationToken);

    private static bool IsStub(SlackFile file) => file.FileAccess == "check_file_info" && file.Id is not null;

    private async Task<IReadOnlyList<SlackFile>?> ResolveAsync(IReadOnlyList<SlackFile>? files, CancellationToken cancellationToken)
    {
        if (files is null || !files.Any(IsStub))
        {
            return files;
        }
        var resolved = new List<SlackFile>(files.Count);
        var lookups = 0;
        foreach (var file in files)
        {
            if (!IsStub(file) || lookups++ >= MaxLookups)
            {
                resolved.Add(file);
                continue;
            }
            try
            {
                resolved.Add(await api.GetFileInfoAsync(file.Id!, cancellationToken));
            }
            catch (SlackApiException ex)
            {
                SlackFlowLog.FileInfoFailed(logger, file.Id!, ex.Error);
                resolved.Add(file);
            }
        }
        return resolved;
    }
}
