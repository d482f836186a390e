namespace MediaAnalysis.Storage;

// JobResults on SQLite: a transcript streams through incremental blob I/O; a job's rows go in one transaction.
internal sealed class SqliteJobResults(SqliteDatabase database) : JobResults(database)
{
    private readonly SqliteDatabase _database = database;

    // SQLite's incremental blob I/O (it reads TEXT as well): pages come off the file as the stream is read.
    public override async Task<Stream?> OpenTranscriptAsync(string jobId, bool paragraphs, CancellationToken cancellationToken)
    {
        var column = paragraphs ? "transcript_paragraphs" : "transcript";
        var connection = await _database.OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT rowid FROM jobs WHERE id = @id AND {column} IS NOT NULL";
            command.Parameters.AddWithValue("@id", jobId);
            if (await command.ExecuteScalarAsync(cancellationToken) is not long rowid)
            {
                await connection.DisposeAsync();
                return null;
            }
            return new OwnedStream(new Microsoft.Data.Sqlite.SqliteBlob(connection, "jobs", column, rowid, readOnly: true), connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task<bool> DeleteJobAsync(string jobId, CancellationToken cancellationToken) =>
        await _database.WriteAsync(async () =>
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await SqliteDatabase.ExecuteAsync(connection, "DELETE FROM answers WHERE job_id = @id", cancellationToken, transaction, ("@id", jobId));
            await SqliteDatabase.ExecuteAsync(connection, "DELETE FROM questions WHERE job_id = @id", cancellationToken, transaction, ("@id", jobId));
            var deleted = await SqliteDatabase.ExecuteAsync(connection, "DELETE FROM jobs WHERE id = @id", cancellationToken, transaction, ("@id", jobId));
            await transaction.CommitAsync(cancellationToken);
            return deleted;
        }, cancellationToken) > 0;
}
