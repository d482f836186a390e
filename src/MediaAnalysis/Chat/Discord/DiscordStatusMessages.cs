using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Queue;

namespace MediaAnalysis.Chat.Discord;

// Learns the id of a job's status message (the inline reply) right after it is made, while the interaction
// token still works, and keeps it with the job: a job that waits longer than the token lives (15 minutes)
// can then still edit its status with the bot token and start its thread from it.
public sealed class DiscordStatusMessages(DiscordApiClient api, JobQueue queue, TimeProvider time, ILogger<DiscordStatusMessages> logger)
{
    // Discord makes the message once it has our answer: a moment after the endpoint returns.
    private static readonly TimeSpan FirstTry = TimeSpan.FromMilliseconds(250);

    private const int Tries = 5;

    // In the background: the endpoint's answer must not wait for it.
    public void Learn(string jobId, string? storedState) => _ = Task.Run(() => LearnAsync(jobId, storedState));

    // `storedState` is the job's Discord state as the accept stored it.
    public async Task LearnAsync(string jobId, string? storedState)
    {
        try
        {
            var state = DiscordJobState.Parse(storedState);
            string? id = null;
            for (var attempt = 1; id is null; attempt++)
            {
                await Task.Delay(FirstTry * attempt, time, CancellationToken.None);
                try
                {
                    id = (await api.GetOriginalAsync(state.ApplicationId, state.InteractionToken, CancellationToken.None)).Id;
                }
                catch (DiscordApiException ex) when (ex.Code == DiscordErrorCodes.UnknownMessage && attempt < Tries)
                {
                    // not made yet
                }
            }
            // Kept only if the state is still the accept's: a worker that started the job meanwhile saved more and
            // learns the id itself. No read first: in a burst, one write per job is all this costs the store.
            await queue.ReplacePlatformStateAsync(jobId, storedState!, (state with { StatusMessageId = id }).Serialize(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is DiscordApiException or System.Data.Common.DbException or InvalidOperationException)
        {
            DiscordLog.StatusMessageUnknown(logger, jobId, ex.Message);
        }
    }
}
