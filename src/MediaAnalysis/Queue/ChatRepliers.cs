namespace MediaAnalysis.Queue;

// The registered platform adapters, by platform name.
public sealed class ChatRepliers(IEnumerable<IChatReplier> repliers)
{
    private readonly Dictionary<string, IChatReplier> _byPlatform = repliers.ToDictionary(r => r.Platform, StringComparer.Ordinal);

    public IChatReplier? For(string platform) => _byPlatform.GetValueOrDefault(platform);
}
