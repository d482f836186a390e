using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;

namespace MediaAnalysis.Chat.Discord;

// Learns the id of a job's status message (the inline reply) while the interaction token still works, and keeps
// it with the job: a job that waits longer than the token lives (15 minutes) can then still edit its status with
// the bot token and start its thread from it. Most jobs never need this: one that starts within seconds (an idle
// queue) gets the id from its worker's first status edit. So the learner looks first after a few seconds, and only
// for a job still queued with the state the accept stored: one Discord call and one write fewer per job that
// started by then.
public sealed class DiscordStatusMessages(
    DiscordApiClient api, JobQueue queue, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DiscordStatusMessages> logger)
{
    // Seconds, not minutes: a stop in between leaves the job to learn the id when it starts, which works only while
    // the token lives (after it, such a job cannot edit its status).
    internal static readonly TimeSpan FirstTry = TimeSpan.FromSeconds(5);

    // Discord makes the message a moment after the endpoint returns; long before FirstTry, so retries are rare.
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(250);

    private const int Tries = 5;

    // In the background: the endpoint's answer must not wait for it. LearnAsync's first step is its wait, so it returns
    // to the caller at once; no thread-pool hop is needed to start it.
    public void Learn(string jobId, string? storedState) => _ = LearnAsync(jobId, storedState);

    // `storedState` is the job's Discord state as the accept stored it.
    public async Task LearnAsync(string jobId, string? storedState)
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await Task.Delay(FirstTry, time, stopping);
            if (await queue.GetAsync(jobId, stopping) is not { State: JobState.Queued } job || job.PlatformState != storedState)
            {
                return; // started (its worker learns the id), ended, or learned already
            }
            var state = DiscordJobState.Parse(storedState);
            string? id = null;
            for (var attempt = 1; id is null; attempt++)
            {
                try
                {
                    id = (await api.GetOriginalAsync(state.ApplicationId, state.InteractionToken, CancellationToken.None)).Id;
                }
                catch (DiscordApiException ex) when (ex.Code == DiscordErrorCodes.UnknownMessage && attempt < Tries)
                {
                    await Task.Delay(Retry * attempt, time, CancellationToken.None); // not made yet
                }
            }
            // Kept only if the state is still the accept's (compare and set): a worker that started the job since the
            // read above saved more and learns the id itself.
            await queue.ReplacePlatformStateAsync(jobId, storedState!, (state with { StatusMessageId = id }).Serialize(), CancellationToken.None);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // the app is stopping: the store may be gone already
        }
        catch (Exception ex) when (ex is DiscordApiException or System.Data.Common.DbException or InvalidOperationException)
        {
            DiscordLog.StatusMessageUnknown(logger, jobId, ex.Message);
        }
    }
}
