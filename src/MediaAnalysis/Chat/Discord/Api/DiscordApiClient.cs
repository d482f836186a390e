using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediaAnalysis.Chat.Discord.Payloads;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using MediaAnalysis.Http;
using Microsoft.Extensions.Options;
using MediaAnalysis.Chat.Discord.Rendering;

namespace MediaAnalysis.Chat.Discord.Api;

// Discord REST over one typed HttpClient. Interaction-webhook routes (/webhooks/{app}/{token}) carry no
// Authorization header and die with the token after 15 minutes; channel and command routes use the bot token
// and do not expire. Every failure is a DiscordApiException; 429 and 5xx are retried, 4xx never are
// (401/403 count toward Discord's invalid-request IP ban).
public sealed class DiscordApiClient(
    HttpClient http,
    IOptions<DiscordOptions> options,
    DiscordRateLimiter limiter,
    TimeProvider time,
    ILogger<DiscordApiClient> logger)
{
    public const string UserAgent = "DiscordBot (https://github.com/media-analysis/media-analysis, 1.0)";

    public const int DefaultAutoArchiveMinutes = 1440;

    private readonly DiscordRest _rest = new(http, options.Value, limiter, time, logger);

    // The deferred reply ("thinking…") becomes this message; its id and channel_id are where a thread can start.
    public Task<Message> EditOriginalAsync(string applicationId, string interactionToken, MessageBody body, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.Webhook(HttpMethod.Patch, applicationId, interactionToken, "/messages/@original", "/messages/@original", true),
            body, DiscordJsonContext.Default.Message, cancellationToken);

    // The inline reply as Discord holds it: read right after answering, so its id is known before the token dies.
    public Task<Message> GetOriginalAsync(string applicationId, string interactionToken, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.Webhook(HttpMethod.Get, applicationId, interactionToken, "/messages/@original", "/messages/@original", true),
            () => null, DiscordJsonContext.Default.Message, canReplay: true, cancellationToken);

    // Adds a member to a thread (PUT /channels/{thread}/thread-members/{user}); answers 204, adding twice is harmless.
    public Task AddThreadMemberAsync(string threadId, string userId, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.Channel(HttpMethod.Put, threadId, $"/thread-members/{DiscordRoute.Escape(userId)}", "/thread-members/{user}", true),
            () => null, DiscordJsonContext.Default.Channel, canReplay: true, cancellationToken);

    // The channel or thread as the bot sees it (type, thread_metadata): where answers can go.
    public Task<Channel> GetChannelAsync(string channelId, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.Channel(HttpMethod.Get, channelId, "", "", true), () => null, DiscordJsonContext.Default.Channel, canReplay: true, cancellationToken);

    // Not retried on a lost answer: a follow-up has no nonce, so a resend could post it twice.
    public Task<Message> CreateFollowupAsync(string applicationId, string interactionToken, MessageBody body, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.Webhook(HttpMethod.Post, applicationId, interactionToken, "", "", false),
            body, DiscordJsonContext.Default.Message, cancellationToken);

    public Task<Message> EditFollowupAsync(string applicationId, string interactionToken, string messageId, MessageBody body, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.Webhook(HttpMethod.Patch, applicationId, interactionToken, $"/messages/{DiscordRoute.Escape(messageId)}", "/messages/{message}", true),
            body, DiscordJsonContext.Default.Message, cancellationToken);

    // A nonce with enforce_nonce makes a resend return the first message, so lost answers can be retried.
    public Task<Message> CreateMessageAsync(string channelId, MessageBody body, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.Channel(HttpMethod.Post, channelId, "/messages", "/messages", true),
            WithNonce(body), DiscordJsonContext.Default.Message, cancellationToken);

    // Works for the bot's own messages, including a non-ephemeral interaction reply after its token expired.
    public Task<Message> EditMessageAsync(string channelId, string messageId, MessageBody body, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.Channel(HttpMethod.Patch, channelId, $"/messages/{DiscordRoute.Escape(messageId)}", "/messages/{message}", true),
            body, DiscordJsonContext.Default.Message, cancellationToken);

    // The thread's id equals the message id; a second try answers 160004 (IsThreadAlreadyCreated).
    public Task<Channel> StartThreadFromMessageAsync(string channelId, string messageId, string name, int autoArchiveMinutes, CancellationToken cancellationToken)
    {
        var body = new ThreadCreateBody { Name = TextClip.Clip(name.Trim(), DiscordLimits.ThreadName), AutoArchiveDuration = autoArchiveMinutes };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, DiscordJsonContext.Default.ThreadCreateBody);
        return SendAsync(DiscordRoute.Channel(HttpMethod.Post, channelId, $"/messages/{DiscordRoute.Escape(messageId)}/threads", "/messages/{message}/threads", true),
            () => JsonContent(bytes), DiscordJsonContext.Default.Channel, canReplay: true, cancellationToken);
    }

    // multipart/form-data: payload_json, then files[0] streamed from `content` (left open; rewound per try when seekable).
    public Task<Message> CreateMessageWithFileAsync(string channelId, MessageBody body, string fileName, Stream content, string contentType, CancellationToken cancellationToken) =>
        SendFileAsync(DiscordRoute.Channel(HttpMethod.Post, channelId, "/messages", "/messages", true), WithNonce(body), fileName, content, contentType, cancellationToken);

    // For where no bot-token post is possible (DMs, user-installed app): a follow-up on the interaction token.
    public Task<Message> CreateFollowupWithFileAsync(string applicationId, string interactionToken, MessageBody body, string fileName, Stream content, string contentType, CancellationToken cancellationToken) =>
        SendFileAsync(DiscordRoute.Webhook(HttpMethod.Post, applicationId, interactionToken, "", "", false), body, fileName, content, contentType, cancellationToken);

    // Replaces every command in the scope (global, or one guild when guildId is set); returns how many Discord holds now.
    public async Task<int> BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var route = guildId is null
            ? DiscordRoute.Application(HttpMethod.Put, applicationId, "/commands", "/commands")
            : DiscordRoute.Application(HttpMethod.Put, applicationId, $"/guilds/{DiscordRoute.Escape(guildId)}/commands", "/guilds/{guild}/commands");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        var registered = await SendAsync(route, () => JsonContent(bytes), DiscordJsonContext.Default.IReadOnlyListApplicationCommand, canReplay: true, cancellationToken);
        return registered.Count;
    }

    private static MessageBody WithNonce(MessageBody body) =>
        body.Nonce is null ? body with { Nonce = NewNonce(), EnforceNonce = true } : body;

    // At most 25 characters.
    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private Task<T> SendJsonAsync<T>(DiscordRoute route, MessageBody body, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, DiscordJsonContext.Default.MessageBody);
        return SendAsync(route, () => JsonContent(bytes), answer, canReplay: true, cancellationToken);
    }

    private Task<Message> SendFileAsync(DiscordRoute route, MessageBody body, string fileName, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var safeName = UploadFileNames.Safe(fileName, "file.txt", DiscordLimits.FileName);
        var payload = body with { Attachments = [new AttachmentSlot { Id = 0, Filename = safeName }] };
        var json = JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJsonContext.Default.MessageBody);
        var start = content.CanSeek ? content.Position : 0;
        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed : new MediaTypeHeaderValue("application/octet-stream");

        HttpContent Build()
        {
            var form = new MultipartFormDataContent { HeaderEncodingSelector = (_, _) => Encoding.UTF8 };
            var jsonPart = JsonContent(json);
            jsonPart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"payload_json\"" };
            form.Add(jsonPart);
            var filePart = new ReplayableStreamContent(content, start);
            filePart.Headers.ContentType = mediaType;
            // The name as raw UTF-8 in the quoted filename, as browsers (and Discord's own client) send it
            // (RFC 7578 4.2); safeName has no quote, backslash or control character to escape.
            filePart.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"files[0]\"; filename=\"{safeName}\"");
            form.Add(filePart);
            return form;
        }

        // A stream that cannot rewind can be sent once only.
        return SendAsync(route, Build, DiscordJsonContext.Default.Message, canReplay: content.CanSeek, cancellationToken);
    }

    private static ByteArrayContent JsonContent(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private Task<T> SendAsync<T>(DiscordRoute route, Func<HttpContent?> content, JsonTypeInfo<T> answer, bool canReplay, CancellationToken cancellationToken) =>
        _rest.SendAsync(route, content, answer, canReplay, cancellationToken);
}
