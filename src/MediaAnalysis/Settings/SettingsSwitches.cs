namespace MediaAnalysis.Settings;

// The access rules and the on/off settings as edits. Role and channel ids are stored; `show` and the history name
// them the platform's way (<@&role>, <#channel>).
public static class SettingsSwitches
{
    public const int MaxChannels = 25;

    // `everyone: true` clears both rules; `role` sets the one role; `channel` adds a channel.
    public static SettingsEdit Access(string? role, string? channel, bool? everyone)
    {
        if (everyone == true)
        {
            return SettingsEdit.Change("access: everyone, in every channel", s => s with { AccessRole = null, AccessChannels = null });
        }
        if (role is null && channel is null)
        {
            return SettingsEdit.Invalid(SettingsFields.Role, "Give a role, a channel, or everyone:true (which clears both).");
        }
        var parts = new List<string>();
        if (role is not null)
        {
            parts.Add($"role <@&{role}>");
        }
        if (channel is not null)
        {
            parts.Add($"channel <#{channel}> added");
        }
        return SettingsEdit.Change("access: " + string.Join(", ", parts), s =>
        {
            var channels = (s.AccessChannels ?? []).ToList();
            if (channel is not null && !channels.Contains(channel, StringComparer.Ordinal))
            {
                channels.Add(channel);
            }
            return s with { AccessRole = role ?? s.AccessRole, AccessChannels = channels.Count == 0 ? null : channels.TakeLast(MaxChannels).ToList() };
        });
    }

    // Slack's modal: the channels as a whole (none: every channel).
    public static SettingsEdit Channels(IReadOnlyList<string> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count > MaxChannels)
        {
            return SettingsEdit.Invalid(SettingsFields.Channels, $"Choose at most {MaxChannels} channels.");
        }
        IReadOnlyList<string>? kept = channels.Count == 0 ? null : [.. channels.Distinct(StringComparer.Ordinal)];
        return SettingsEdit.Change(kept is null ? "access: every channel" : "access: only in " + string.Join(", ", kept.Select(c => $"<#{c}>")),
            s => s with { AccessChannels = kept });
    }

    public static SettingsEdit Verdict(bool enabled) =>
        SettingsEdit.Change($"panel verdict {(enabled ? "on" : "off")}", s => s with { Verdict = enabled });

    public static SettingsEdit Pages(bool enabled) =>
        SettingsEdit.Change($"results pages {(enabled ? "on" : "off")}", s => s with { Pages = enabled });
}
