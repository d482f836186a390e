using System.Data.Common;

namespace MediaAnalysis.Storage;

// What the store's shared parts (QuestionStore, JobProgress, JobResults, JobClaims, SpendStore) need of a database:
// one statement of portable SQL with named parameters. SqliteDatabase (every write through its write gate) and
// PostgresDatabase (its pool) implement it; what differs by provider stays in that provider's own parts.
internal interface ISqlDatabase
{
    // Every row a statement returns, each made into a record by `read`.
    Task<IReadOnlyList<T>> ListAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters);

    // A write: the number of rows it changed.
    Task<int> NonQueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters);
}
