namespace MediaAnalysis.Fakes.Discord;

// Type: 0 GUILD_TEXT, 1 DM, 5 GUILD_ANNOUNCEMENT, 10/11/12 threads, 15 GUILD_FORUM.
public sealed record FakeDiscordChannel(string Id, int Type, string? ParentId = null, string? Name = null, int? AutoArchiveDuration = null)
{
    // A thread's thread_metadata: posting in a locked or archived thread answers 160005 / 50083.
    public bool Locked { get; init; }

    public bool Archived { get; init; }
}
