namespace MediaAnalysis.Settings;

// Who may analyze on a server: everyone (default), members with the chosen role (Discord), only in the chosen
// channels (both); managers always. On top of the platform's own command permissions.
public static class AccessRules
{
    // Null when the person may; else a private line saying who may and where.
    // `parentChannel`: the channel a thread belongs to (a thread of an allowed channel is allowed too).
    public static string? Refusal(TenantSettings settings, string channel, IReadOnlyCollection<string> roles, bool manager, string managers) =>
        Refusal(settings, channel, null, roles, manager, managers);

    public static string? Refusal(
        TenantSettings settings, string channel, string? parentChannel, IReadOnlyCollection<string> roles, bool manager, string managers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(roles);
        if (manager || settings.EveryoneMayAnalyze)
        {
            return null;
        }
        var roleOk = settings.AccessRole is not { } role || roles.Contains(role, StringComparer.Ordinal);
        var channelOk = settings.AccessChannels is not { Count: > 0 } channels || channels.Contains(channel, StringComparer.Ordinal)
            || (parentChannel is not null && channels.Contains(parentChannel, StringComparer.Ordinal));
        if (roleOk && channelOk)
        {
            return null;
        }
        var who = settings.AccessRole is { } r ? $"members with the <@&{r}> role" : "everyone";
        var where = settings.AccessChannels is { Count: > 0 } list ? "only in " + string.Join(", ", list.Select(c => $"<#{c}>")) : "in any channel";
        return $"On this server, videos may be analyzed by {who}, {where}. {managers} always may.";
    }
}
