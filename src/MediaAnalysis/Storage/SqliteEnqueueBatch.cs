using MediaAnalysis.Jobs;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

// Group commit of the intake: enqueues that arrive while another batch is being written wait together and go
// into the database in one transaction, on the kept write connection (its statements prepared once), through
// the write gate once. A burst of requests then costs a few commits instead of one each (issue 14, item 7), and a
// lone request is written at once, on the thread pool.
internal sealed class SqliteEnqueueBatch(SqliteDatabase database, Func<SqliteWriter, SqliteEnqueueBatch.Pending, Task<EnqueueResult>> enqueue)
{
    private readonly Lock _gate = new();
    private List<Pending> _waiting = [];
    private bool _draining;

    public sealed record Pending(AnalyzeRequest Request, int MaxPendingPerTenant, DateTimeOffset Now, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<EnqueueResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task<EnqueueResult> EnqueueAsync(AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, maxPendingPerTenant, now, cancellationToken);
        bool lead;
        lock (_gate)
        {
            _waiting.Add(pending);
            lead = !_draining;
            _draining = true;
        }
        if (lead)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    // One batch per turn at the write gate, so claims and progress writes get theirs in between. Never on the stack
    // of the request that started it: SQLite's calls complete synchronously, so that request would write every batch
    // that arrived meanwhile before it could answer (in a burst, its answer waited for all of them: issue 14's p99).
    // After each batch the drain goes to the back of the pool's queue, behind the answers of the batch just written
    // and the requests about to join the next one.
    private async Task DrainAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _draining = false;
                    return;
                }
                (batch, _waiting) = (_waiting, []);
            }
            try
            {
                var results = await database.WriteAsync(writer => WriteAsync(writer, batch), CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    results[i].Complete(batch[i].Done);
                }
            }
            catch (Exception ex)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }
            }
            await Task.Yield();
        }
    }

    private async Task<Outcome[]> WriteAsync(SqliteWriter writer, List<Pending> batch)
    {
        var outcomes = new Outcome[batch.Count];
        // BEGIN and COMMIT as statements: the enqueue's commands then need no transaction object of their own.
        await writer.ExecuteAsync("BEGIN IMMEDIATE", CancellationToken.None);
        try
        {
            await WriteAllAsync(writer, batch, outcomes);
            await writer.ExecuteAsync("COMMIT", CancellationToken.None);
        }
        catch
        {
            await writer.ExecuteAsync("ROLLBACK", CancellationToken.None);
            throw;
        }
        return outcomes;
    }

    private async Task WriteAllAsync(SqliteWriter writer, List<Pending> batch, Outcome[] outcomes)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].CancellationToken.IsCancellationRequested)
            {
                outcomes[i] = new Outcome(null, null, Cancelled: true);
                continue;
            }
            try
            {
                outcomes[i] = new Outcome(await enqueue(writer, batch[i]), null, Cancelled: false);
            }
            catch (SqliteException ex)
            {
                // This request alone: SQLite undid its statement, not the transaction.
                outcomes[i] = new Outcome(null, ex, Cancelled: false);
            }
        }
    }

    private readonly record struct Outcome(EnqueueResult? Result, Exception? Error, bool Cancelled)
    {
        public void Complete(TaskCompletionSource<EnqueueResult> done)
        {
            if (Result is { } result)
            {
                done.TrySetResult(result);
            }
            else if (Error is { } error)
            {
                done.TrySetException(error);
            }
            else
            {
                done.TrySetCanceled();
            }
        }
    }
}
