using Npgsql;

namespace MediaAnalysis.Storage;

internal sealed partial class PostgresDatabase
{
    // One connection of its own, kept open and LISTENing; reopened a few seconds after it breaks.
    public async Task ListenAsync(Action<string> received, CancellationToken cancellationToken)
    {
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await OpenAsync(cancellationToken);
                connection.Notification += (_, e) => received(e.Payload);
                await ExecuteAsync(connection, $"LISTEN {Channel}", cancellationToken);
                if (failing)
                {
                    Listening(_logger, Where);
                    failing = false;
                }
                received("job");
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                if (!failing)
                {
                    ListenFailed(_logger, Where, ex.Message);
                    failing = true;
                }
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(2006, LogLevel.Warning, "Wake-ups from PostgreSQL at {Where} stopped ({Message}); polling until they are back")]
    private static partial void ListenFailed(ILogger logger, string where, string message);

    [LoggerMessage(2007, LogLevel.Information, "Wake-ups from PostgreSQL at {Where} are back")]
    private static partial void Listening(ILogger logger, string where);
}
