using MediaAnalysis.Configuration;
using Npgsql;

namespace MediaAnalysis.Storage;

public sealed class StorageOptions : IValidatedOptions
{
    public const string SectionName = "Storage";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    // SQLite: a file path (the default); PostgreSQL: an Npgsql connection string (keep it a secret: it holds the password).
    public string ConnectionString { get; set; } = "Data Source=data/media-analysis.db";

    // "sqlite" (one machine, the default) or "postgres" (several instances on one database).
    public string Provider { get; set; } = Sqlite;

    public int RetentionDays { get; set; } = 7;

    // PostgreSQL: how long `serve` keeps retrying an unreachable database at start before it exits 2.
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{SectionName}:ConnectionString is required";
        }
        else if (IsPostgres && PostgresConnectionProblem(ConnectionString) is { } problem)
        {
            yield return problem;
        }
        if (!IsPostgres && !string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{SectionName}:Provider must be '{Sqlite}' or '{Postgres}', got '{Provider}'";
        }
        if (OptionChecks.InRange($"{SectionName}:RetentionDays", RetentionDays, 1, 3650) is { } retention)
        {
            yield return retention;
        }
        if (StartupTimeout < TimeSpan.Zero || StartupTimeout > TimeSpan.FromHours(1))
        {
            yield return $"{SectionName}:StartupTimeout must be between 00:00:00 and 01:00:00, got '{StartupTimeout}'";
        }
    }

    // The parser's own words, never the string itself (it holds the password).
    private static string? PostgresConnectionProblem(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? $"{SectionName}:ConnectionString for {Postgres} must name a Host (e.g. Host=db.internal;Database=media;Username=app;Password=…)"
                : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            return $"{SectionName}:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}";
        }
    }
}
