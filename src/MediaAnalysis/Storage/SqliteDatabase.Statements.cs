namespace MediaAnalysis.Storage;

// The shared parts' seam (ISqlDatabase): ListAsync reads without waiting; a write waits at the write gate.
internal sealed partial class SqliteDatabase : ISqlDatabase
{
    public Task<int> NonQueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        NonQueryAsync(sql, _ => { }, cancellationToken, parameters);
}
