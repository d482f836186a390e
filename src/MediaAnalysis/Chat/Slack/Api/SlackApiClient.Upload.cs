using System.Globalization;
using System.Text.Json;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Chat.Slack.Rendering;

namespace MediaAnalysis.Chat.Slack.Api;

public sealed partial class SlackApiClient
{
    // files.upload is retired; the external flow is: ask for an upload URL, POST the bytes there, then complete the
    // upload into the channel (or thread). `content` is read from its current position, `length` bytes, and left
    // open. Returns the file id.
    public async Task<string> UploadFileAsync(string channel, string? threadTs, string fileName, string title, Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        KeyValuePair<string, string>[] fields = [new("filename", fileName), new("length", length.ToString(CultureInfo.InvariantCulture))];
        var target = await CallAsync(SlackCall.Form("files.getUploadURLExternal", fields), SlackJsonContext.Default.UploadUrlResponse, cancellationToken);
        if (target.FileId is not { Length: > 0 } fileId || !Uri.TryCreate(target.UploadUrl, UriKind.Absolute, out var uploadUrl))
        {
            throw Unreadable("files.getUploadURLExternal");
        }
        await _direct.PostBytesAsync(_direct.CheckedUploadUrl(uploadUrl), content, length, cancellationToken);

        var complete = new CompleteUploadBody { Files = [new UploadedFileRef { Id = fileId, Title = title }], ChannelId = channel, ThreadTs = threadTs };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(complete, SlackJsonContext.Default.CompleteUploadBody);
        await CallAsync(SlackCall.Json("files.completeUploadExternal", bytes, channel, resendOnLostAnswer: false),
            SlackJsonContext.Default.CompleteUploadResponse, cancellationToken);
        SlackLog.FileShared(_logger, fileId, length, channel);
        return fileId;
    }

    // A slash command's or shortcut's response_url: no token (the URL is the credential), at most 5 uses in
    // 30 minutes. Ephemeral: only the person who asked sees it.
    public Task RespondAsync(string responseUrl, string text, bool ephemeral, CancellationToken cancellationToken) =>
        RespondAsync(responseUrl, text, ephemeral, replaceOriginal: false, cancellationToken);

    // replaceOriginal: the answer takes the place of the earlier one (a slash command's "Looking…" note).
    public async Task RespondAsync(string responseUrl, string text, bool ephemeral, bool replaceOriginal, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || !_direct.IsSlackHost(url) || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw new ArgumentException("The response_url is not a Slack URL.", nameof(responseUrl));
        }
        var body = new ResponseUrlBody
        {
            Text = TextClip.Clip(text, SlackLimits.MessageText),
            ResponseType = ephemeral ? ResponseUrlBody.Ephemeral : ResponseUrlBody.InChannel,
            ReplaceOriginal = replaceOriginal,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, SlackJsonContext.Default.ResponseUrlBody);
        await _direct.SendUnauthenticatedAsync("response_url", url, () => SlackCall.JsonContent(bytes), canResend: false, _options.RequestTimeout, cancellationToken);
    }
}
