using System.Globalization;
using MediaAnalysis.Chat.Slack.Payloads;

namespace MediaAnalysis.Chat.Slack.Api;

public sealed partial class SlackApiClient
{
    private const int MembersPageSize = 200;
    private const int MaxMemberPages = 50;
    private const int ThreadPageSize = 200;

    // A reply inside a thread (conversations.history shows only channel messages): the message with exactly this ts
    // in the thread under threadTs, or null. Needs the same *:history scopes.
    public async Task<SlackMessage?> GetThreadMessageAsync(string channel, string threadTs, string ts, CancellationToken cancellationToken)
    {
        var query = Query(("channel", channel), ("ts", threadTs), ("oldest", ts), ("latest", ts), ("inclusive", "true"), ("limit", "2"));
        var page = await CallAsync(SlackCall.Get("conversations.replies", query), SlackJsonContext.Default.HistoryResponse, cancellationToken);
        return page.Messages?.FirstOrDefault(m => m.Ts == ts);
    }

    // One page of a thread, parent first, then replies oldest first, each with its metadata. Needs *:history.
    public Task<HistoryResponse> ThreadRepliesAsync(string channel, string threadTs, string? cursor, CancellationToken cancellationToken)
    {
        var query = Query(("channel", channel), ("ts", threadTs), ("limit", ThreadPageSize.ToString(CultureInfo.InvariantCulture)),
            ("include_all_metadata", "true"), ("cursor", cursor));
        return CallAsync(SlackCall.Get("conversations.replies", query), SlackJsonContext.Default.HistoryResponse, cancellationToken);
    }

    // Whether the person is a member of the channel, page by page (channels:read, groups:read for private ones).
    public async Task<bool> IsMemberAsync(string channel, string user, CancellationToken cancellationToken)
    {
        string? cursor = null;
        for (var page = 0; page < MaxMemberPages; page++)
        {
            var query = Query(("channel", channel), ("limit", MembersPageSize.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor));
            var answer = await CallAsync(SlackCall.Get("conversations.members", query), SlackJsonContext.Default.MembersResponse, cancellationToken);
            if (answer.Members?.Contains(user, StringComparer.Ordinal) == true)
            {
                return true;
            }
            if ((cursor = answer.NextCursor) is null)
            {
                return false;
            }
        }
        return false;
    }

    // The person's workspace role (users:read).
    public async Task<SlackUserInfo> GetUserAsync(string user, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(SlackCall.Get("users.info", Query(("user", user))), SlackJsonContext.Default.UserInfoResponse, cancellationToken);
        return answer.User ?? throw Unreadable("users.info");
    }

    // A link that opens the message (in its thread, for a reply). No scope needed.
    public async Task<string> GetPermalinkAsync(string channel, string ts, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(SlackCall.Get("chat.getPermalink", Query(("channel", channel), ("message_ts", ts))),
            SlackJsonContext.Default.PermalinkResponse, cancellationToken);
        return answer.Permalink ?? throw Unreadable("chat.getPermalink");
    }
}
