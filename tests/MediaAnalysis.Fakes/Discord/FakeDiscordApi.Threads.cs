namespace MediaAnalysis.Fakes.Discord;

public sealed partial class FakeDiscordApi
{
    private readonly Dictionary<string, List<string>> _threadMembers = new(StringComparer.Ordinal);

    // The users added to a thread with PUT /channels/{thread}/thread-members/{user}, in order, repeats included.
    public IReadOnlyList<string> ThreadMemberAdds(string threadId)
    {
        lock (_gate)
        {
            return _threadMembers.TryGetValue(threadId, out var users) ? [.. users] : [];
        }
    }

    private FakeDiscordReply GetChannel(string channelId)
    {
        lock (_gate)
        {
            return Ok(ChannelJson(_channels.GetValueOrDefault(channelId) ?? new FakeDiscordChannel(channelId, 0)));
        }
    }

    private FakeDiscordReply AddThreadMember(string threadId, string userId)
    {
        lock (_gate)
        {
            if (_channels.GetValueOrDefault(threadId) is not { Type: 10 or 11 or 12 } thread)
            {
                return Reply(new FakeDiscordError(400, 50024, "Cannot execute action on this channel type"));
            }
            if (thread.Archived)
            {
                return Reply(new FakeDiscordError(400, 50083, "Thread is archived"));
            }
            if (!_threadMembers.TryGetValue(threadId, out var users))
            {
                _threadMembers[threadId] = users = [];
            }
            users.Add(userId);
            return new FakeDiscordReply(204, null, new Dictionary<string, string>());
        }
    }

    // Posting in a locked or archived thread fails as it does on Discord.
    private FakeDiscordReply? ThreadOpen(string channelId)
    {
        lock (_gate)
        {
            return _channels.GetValueOrDefault(channelId) switch
            {
                { Archived: true } => Reply(new FakeDiscordError(400, 50083, "Thread is archived")),
                { Locked: true } => Reply(new FakeDiscordError(403, 160005, "Thread is locked")),
                _ => null,
            };
        }
    }
}
