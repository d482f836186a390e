using System.Collections.Concurrent;
using MediaAnalysis.Jobs;
using System.Data.Common;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Settings;

// Reads and changes a server's settings. Each change is written with its history line in one transaction; two
// admins changing at once both land (the second reads again and applies its edit on top of the first).
public sealed partial class ServerSettings(ITenantSettingsStore store, TimeProvider time, ILogger<ServerSettings> logger)
{
    public const int HistoryShown = 5;
    private const int MaxTries = 5;

    // One request reads its server's settings up to three times (access, limits, pages); a burst reads them hundreds
    // of times a second. What this instance read or wrote is reused for this long; another instance's change is seen
    // within it.
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(string Platform, string Tenant), (TenantSettings Settings, long At)> _recent = new();

    public async Task<TenantSettings> GetAsync(string platform, string tenant, CancellationToken cancellationToken)
    {
        if (_recent.TryGetValue((platform, tenant), out var kept) && time.GetElapsedTime(kept.At) < ReuseFor)
        {
            return kept.Settings;
        }
        var settings = TenantSettings.Parse((await Guarded(() => store.GetSettingsAsync(platform, tenant, cancellationToken)))?.Document);
        _recent[(platform, tenant)] = (settings, time.GetTimestamp());
        return settings;
    }

    // The settings after the change; false when the store kept refusing (another writer each time).
    public async Task<(bool Saved, TenantSettings Settings)> ApplyAsync(
        string platform, string tenant, string by, SettingsEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!edit.IsValid)
        {
            throw new ArgumentException("an invalid edit cannot be applied", nameof(edit));
        }
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var stored = await Guarded(() => store.GetSettingsAsync(platform, tenant, cancellationToken));
            var next = edit.Apply(TenantSettings.Parse(stored?.Document));
            var now = time.GetUtcNow();
            var change = new SettingsChange(now, by, edit.What);
            if (await Guarded(() => store.SaveSettingsAsync(platform, tenant, stored?.Version ?? 0, next.Serialize(), change, now, cancellationToken)))
            {
                Changed(logger, platform, tenant, edit.What);
                _recent[(platform, tenant)] = (next, time.GetTimestamp());
                return (true, next);
            }
        }
        return (false, await GetAsync(platform, tenant, cancellationToken));
    }

    public Task<(bool Saved, TenantSettings Settings)> ResetAsync(string platform, string tenant, string by, CancellationToken cancellationToken) =>
        ApplyAsync(platform, tenant, by, SettingsEdit.Change("reset to the operator's defaults", _ => TenantSettings.Defaults), cancellationToken);

    public Task<IReadOnlyList<SettingsChange>> HistoryAsync(string platform, string tenant, CancellationToken cancellationToken) =>
        Guarded(() => store.RecentChangesAsync(platform, tenant, HistoryShown, cancellationToken));

    // A database that cannot be reached or written becomes one exception the chat adapters answer in words.
    private async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is DbException or StoreUnavailableException or IOException)
        {
            StoreFailed(logger, ex.GetType().Name, ex.Message);
            throw new SettingsUnavailableException(ex);
        }
    }

    [LoggerMessage(6002, LogLevel.Warning, "Settings could not be read or written: {Kind}: {Message}")]
    private static partial void StoreFailed(ILogger logger, string kind, string message);

    [LoggerMessage(6001, LogLevel.Information, "Settings of {Platform}/{Tenant} changed: {What}")]
    private static partial void Changed(ILogger logger, string platform, string tenant, string what);
}
