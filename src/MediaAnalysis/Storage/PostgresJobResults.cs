namespace MediaAnalysis.Storage;

// JobResults on PostgreSQL: a transcript streams through sequential access; a job's rows go in one statement.
internal sealed class PostgresJobResults(PostgresDatabase database) : JobResults(database)
{
    private readonly PostgresDatabase _database = database;

    // Sequential access: the column's bytes come off the connection as the stream is read, never buffered whole.
    public override async Task<Stream?> OpenTranscriptAsync(string jobId, bool paragraphs, CancellationToken cancellationToken)
    {
        var column = paragraphs ? "transcript_paragraphs" : "transcript";
        var connection = await _database.OpenAsync(cancellationToken);
        var disposables = new List<IAsyncDisposable> { connection };
        try
        {
            var command = PostgresDatabase.Command(connection, $"SELECT {column} FROM jobs WHERE id = @id AND {column} IS NOT NULL", null, ("@id", jobId));
            disposables.Insert(0, command);
            var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
            disposables.Insert(0, reader);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await OwnedStream.DisposeAllAsync(disposables);
                return null;
            }
            return new OwnedStream(await reader.GetStreamAsync(0, cancellationToken), [.. disposables]);
        }
        catch
        {
            await OwnedStream.DisposeAllAsync(disposables);
            throw;
        }
    }

    // One statement: the answers go in the same transaction as their job's row.
    public override async Task<bool> DeleteJobAsync(string jobId, CancellationToken cancellationToken) =>
        await _database.NonQueryAsync("WITH gone AS (DELETE FROM answers WHERE job_id = @id), asked AS (DELETE FROM questions WHERE job_id = @id) DELETE FROM jobs WHERE id = @id", cancellationToken, ("@id", jobId)) > 0;
}
