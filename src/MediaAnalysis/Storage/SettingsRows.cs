using MediaAnalysis.Jobs;
using System.Data.Common;

namespace MediaAnalysis.Storage;

// The settings tables' SQL, the same on both providers.
internal static class SettingsRows
{
    public const string Select = "SELECT document, version FROM tenant_settings WHERE platform = @platform AND tenant = @tenant";

    public const string Insert = """
        INSERT INTO tenant_settings (platform, tenant, document, version, updated_at) VALUES (@platform, @tenant, @document, 1, @now)
        ON CONFLICT (platform, tenant) DO NOTHING
        """;

    public const string Update = """
        UPDATE tenant_settings SET document = @document, version = version + 1, updated_at = @now
        WHERE platform = @platform AND tenant = @tenant AND version = @expected
        """;

    public const string InsertChange = """
        INSERT INTO settings_changes (platform, tenant, version, changed_at, changed_by, what)
        VALUES (@platform, @tenant, @version, @now, @by, @what)
        """;

    public const string Recent = """
        SELECT changed_at, changed_by, what FROM settings_changes WHERE platform = @platform AND tenant = @tenant
        ORDER BY version DESC LIMIT @count
        """;

    public const string Snapshot = "UPDATE jobs SET settings_snapshot = @document WHERE id = @id AND settings_snapshot IS NULL";

    public const string ReadSnapshot = "SELECT settings_snapshot FROM jobs WHERE id = @id";

    public static StoredSettings ReadSettings(DbDataReader r) => new(r.GetString(0), r.GetInt32(1));

    public static SettingsChange ReadChange(DbDataReader r) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)), r.GetString(1), r.GetString(2));

    public static (string Name, object? Value)[] Key(string platform, string tenant) => [("@platform", platform), ("@tenant", tenant)];

    public static (string Name, object? Value)[] Write(string platform, string tenant, int expectedVersion, string document, DateTimeOffset now) =>
        expectedVersion == 0
            ? [("@platform", platform), ("@tenant", tenant), ("@document", document), ("@now", JobRows.Millis(now))]
            : [("@platform", platform), ("@tenant", tenant), ("@document", document), ("@now", JobRows.Millis(now)), ("@expected", expectedVersion)];

    public static (string Name, object? Value)[] Change(string platform, string tenant, int version, SettingsChange change) =>
    [
        ("@platform", platform), ("@tenant", tenant), ("@version", version), ("@now", JobRows.Millis(change.At)),
        ("@by", change.By), ("@what", change.What),
    ];
}
