using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

internal sealed partial class SqliteDatabase
{
    // SQLite's own checkpoint runs inside whichever commit crosses 1,000 WAL pages and fsyncs there: a
    // request that happens to make that commit waits for the disk (long, while videos are being written).
    // Checkpoints run here instead, in the background, every so many writes: PASSIVE ones, which copy what
    // they can without blocking anybody; the log restarts from its beginning at the next write after one
    // has caught up, which happens whenever writes pause. Should it still outgrow MaxWalBytes (writes that
    // never pause), one checkpoint takes the write gate and truncates it.
    private const int WritesPerCheckpoint = 100;
    private const long MaxWalBytes = 16L * 1024 * 1024;
    private int _writesSinceCheckpoint;
    private Task _checkpoint = Task.CompletedTask;

    // The checkpoint under way, if any (tests wait for it).
    public Task CheckpointTask => Volatile.Read(ref _checkpoint);

    private void StartCheckpoint()
    {
        var running = new TaskCompletionSource();
        var previous = Volatile.Read(ref _checkpoint);
        if (!previous.IsCompleted || Interlocked.CompareExchange(ref _checkpoint, running.Task, previous) != previous)
        {
            return; // one at a time
        }
        Interlocked.Exchange(ref _writesSinceCheckpoint, 0);
        _ = Task.Run(async () =>
        {
            var gated = false;
            try
            {
                var truncate = _walPath is not null && File.Exists(_walPath) && new FileInfo(_walPath).Length > MaxWalBytes;
                if (truncate)
                {
                    await _writes.WaitAsync();
                    gated = true;
                }
                await using var connection = await OpenAsync(CancellationToken.None);
                await using var command = connection.CreateCommand();
                command.CommandText = truncate ? "PRAGMA wal_checkpoint(TRUNCATE)" : "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync();
            }
            catch (SqliteException ex)
            {
                CheckpointFailed(logger, ex.SqliteErrorCode, ex.Message);
            }
            finally
            {
                if (gated)
                {
                    _writes.Release();
                }
                running.SetResult();
            }
        });
    }

    [LoggerMessage(2002, LogLevel.Warning, "WAL checkpoint failed (SQLite error {Code}): {Message}")]
    private static partial void CheckpointFailed(ILogger logger, int code, string message);
}
