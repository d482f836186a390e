using System.Globalization;
using System.Text.Json;
using MediaAnalysis.Chat.Slack.Payloads;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Chat.Slack.Api;

// Slack's Web API over one typed HttpClient, with the bot token as a Bearer header (never in a query or body), JSON
// bodies as application/json; charset=utf-8 and form bodies without a charset (else Slack warns). ok:false becomes a
// SlackApiException; 429 waits for Retry-After and 5xx backs off, both a bounded number of times. Posts and edits
// take their turn in SlackChannelPacer. The token goes only to ApiBaseUrl's origin and to Slack's own upload host.
public sealed partial class SlackApiClient
{
    private readonly SlackOptions _options;
    private readonly SlackWebApi _api;
    private readonly SlackDirectRequests _direct;
    private readonly ILogger<SlackApiClient> _logger;

    public SlackApiClient(HttpClient http, IOptions<SlackOptions> options, SlackChannelPacer pacer, TimeProvider time, ILogger<SlackApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var baseUri = new Uri(_options.ApiBaseUrl.TrimEnd('/') + "/");
        _api = new SlackWebApi(http, _options, baseUri, pacer, time, logger);
        _direct = new SlackDirectRequests(http, _options, baseUri, time, logger);
        _logger = logger;
    }

    // Returns the message's ts: its id for chat.update, and the thread_ts of replies to it.
    public Task<string> PostMessageAsync(string channel, string? threadTs, string text, IReadOnlyList<Block>? blocks, CancellationToken cancellationToken) =>
        PostMessageAsync(channel, threadTs, text, blocks, null, cancellationToken);

    // With metadata: the app's own record on the message, read back by ThreadRepliesAsync.
    public async Task<string> PostMessageAsync(string channel, string? threadTs, string text, IReadOnlyList<Block>? blocks, MessageMetadata? metadata, CancellationToken cancellationToken)
    {
        var body = new ChatBody { Channel = channel, ThreadTs = threadTs, Text = text, Blocks = blocks, UnfurlLinks = false, UnfurlMedia = false, Metadata = metadata };
        // Not resent when the answer is lost: Slack has no idempotency key for posts, so a resend could post twice.
        var answer = await CallAsync(SlackCall.Json("chat.postMessage", Serialize(body), channel, resendOnLostAnswer: false),
            SlackJsonContext.Default.ChatResponse, cancellationToken);
        return answer.Ts ?? throw Unreadable("chat.postMessage");
    }

    // Only the bot's own messages; an empty block list removes the blocks (and with them the Cancel button).
    public async Task UpdateMessageAsync(string channel, string ts, string text, IReadOnlyList<Block>? blocks, CancellationToken cancellationToken)
    {
        var body = new ChatBody { Channel = channel, Ts = ts, Text = text, Blocks = blocks ?? [] };
        await CallAsync(SlackCall.Json("chat.update", Serialize(body), channel, resendOnLostAnswer: true),
            SlackJsonContext.Default.ChatResponse, cancellationToken);
    }

    // Seen only by `user`, only while they are in the channel, and gone after a reload. Returns its message_ts.
    public Task<string?> PostEphemeralAsync(string channel, string user, string text, CancellationToken cancellationToken) =>
        PostEphemeralAsync(channel, user, text, null, cancellationToken);

    // With threadTs, the note shows in that thread (where the person is looking), not in the channel.
    public async Task<string?> PostEphemeralAsync(string channel, string user, string text, string? threadTs, CancellationToken cancellationToken)
    {
        var body = new ChatBody { Channel = channel, User = user, Text = text, ThreadTs = threadTs };
        var answer = await CallAsync(SlackCall.Json("chat.postEphemeral", Serialize(body), null, resendOnLostAnswer: false),
            SlackJsonContext.Default.ChatResponse, cancellationToken);
        return answer.MessageTs;
    }

    // One page, newest first. Needs channels:history (groups:history for private channels) and membership.
    public Task<HistoryResponse> ConversationsHistoryAsync(string channel, int limit, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var query = Query(("channel", channel), ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor));
        return CallAsync(SlackCall.Get("conversations.history", query), SlackJsonContext.Default.HistoryResponse, cancellationToken);
    }

    // The channel message with exactly this ts (not a thread reply), or null.
    public async Task<SlackMessage?> GetMessageAsync(string channel, string ts, CancellationToken cancellationToken)
    {
        var query = Query(("channel", channel), ("oldest", ts), ("latest", ts), ("inclusive", "true"), ("limit", "1"));
        var page = await CallAsync(SlackCall.Get("conversations.history", query), SlackJsonContext.Default.HistoryResponse, cancellationToken);
        return page.Messages?.FirstOrDefault(m => m.Ts == ts);
    }

    // For Slack Connect stubs (file_access: check_file_info) and file_shared events. Needs files:read.
    public async Task<SlackFile> GetFileInfoAsync(string fileId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(SlackCall.Get("files.info", Query(("file", fileId))), SlackJsonContext.Default.FileInfoResponse, cancellationToken);
        return answer.File ?? throw Unreadable("files.info");
    }

    // The bot's own user id (to spot mentions of it and to ignore its own messages) and the team id.
    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken) =>
        CallAsync(SlackCall.Post("auth.test"), SlackJsonContext.Default.AuthTestResponse, cancellationToken);

    private Task<T> CallAsync<T>(SlackCall call, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> answer, CancellationToken cancellationToken)
        where T : SlackResponse => _api.CallAsync(call, answer, cancellationToken);

    private static byte[] Serialize(ChatBody body) => JsonSerializer.SerializeToUtf8Bytes(body, SlackJsonContext.Default.ChatBody);

    private static string Query(params ReadOnlySpan<(string Key, string? Value)> pairs)
    {
        var parts = new List<string>(pairs.Length);
        foreach (var (key, value) in pairs)
        {
            if (value is not null)
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static SlackApiException Unreadable(string method) =>
        new(method, "invalid_response", 200, $"Slack {method} answered ok without the expected fields.");
}
