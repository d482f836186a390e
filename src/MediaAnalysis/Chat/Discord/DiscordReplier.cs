using System.Net.Http.Headers;
using System.Text;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Rendering;

namespace MediaAnalysis.Chat.Discord;

// The job's Discord side: the status message is the interaction's reply, edited through the interaction
// webhook while its token lives (15 minutes) and with the bot token after that; the answers go into a
// thread started from it, or into the channel where no thread can be made.
public sealed partial class DiscordReplier(DiscordApiClient api, TimeProvider time, ILogger<DiscordReplier> logger) : IChatReplier
{
    public const string PlatformName = "discord";

    // A minute of margin on the token's 15, so an edit never races its expiry.
    private static readonly TimeSpan TokenLife = TimeSpan.FromMinutes(14);

    public string Platform => PlatformName;

    public IReadOnlyDictionary<Uri, AuthenticationHeaderValue>? DownloadAuthorization => null;

    public async Task ShowStatusAsync(ReplyContext job, JobStatus status, CancellationToken cancellationToken)
    {
        var state = DiscordJobState.Parse(job.PlatformState);
        var body = DiscordRenderer.Status(status, state.InThread ? state.AnswersChannelId : null);
        await EditStatusAsync(job, state, body, cancellationToken);
    }

    public async Task PostTranscriptAsync(ReplyContext job, string transcript, CancellationToken cancellationToken)
    {
        var (state, target) = await AnswersChannelAsync(job, cancellationToken);
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(transcript), writable: false);
        var body = new MessageBody { Content = "📝 Transcript", AllowedMentions = AllowedMentions.None };
        var name = DiscordRenderer.TranscriptFileName(job.SourceName);
        await DiscordRefusals.Guard(() => target is null
            ? api.CreateFollowupWithFileAsync(state.ApplicationId, state.InteractionToken, body, name, file, "text/plain; charset=utf-8", cancellationToken)
            : api.CreateMessageWithFileAsync(target, body, name, file, "text/plain; charset=utf-8", cancellationToken));
    }

    public async Task PostAnswerAsync(ReplyContext job, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        var (state, target) = await AnswersChannelAsync(job, cancellationToken);
        var parts = DiscordRenderer.Answers(outcome, outcome.Prompt);
        for (var part = 0; part < parts.Count; part++)
        {
            // In a channel, a nonce from the job, the pair and the part: a restart that re-posts an answer whose
            // "posted" mark was lost (killed between the post and the mark) gets the first message back, not a
            // second one. Follow-ups on the interaction token take no nonce.
            var body = parts[part];
            await DiscordRefusals.Guard(() => target is null
                ? api.CreateFollowupAsync(state.ApplicationId, state.InteractionToken, body, cancellationToken)
                : api.CreateMessageAsync(target, body with { Nonce = AnswerNonce(job.JobId, outcome, part), EnforceNonce = true }, cancellationToken));
        }
    }

    // With the same nonce an answer would have (the verdict is stored as one), so a restart between its post and
    // its mark gets the first message back.
    public async Task PostVerdictAsync(ReplyContext job, ModelOutcome verdict, CancellationToken cancellationToken)
    {
        var (state, target) = await AnswersChannelAsync(job, cancellationToken);
        var body = DiscordVerdictRenderer.Verdict(verdict);
        await DiscordRefusals.Guard(() => target is null
            ? api.CreateFollowupAsync(state.ApplicationId, state.InteractionToken, body, cancellationToken)
            : api.CreateMessageAsync(target, body with { Nonce = AnswerNonce(job.JobId, verdict, 0), EnforceNonce = true }, cancellationToken));
    }

    // At most 25 characters, as Discord allows.
    private static string AnswerNonce(string jobId, ModelOutcome outcome, int part) =>
        "a" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{jobId}\n{outcome.Prompt}\n{outcome.Model}\n{part}")).AsSpan(0, 12));

    private bool TokenAlive(DiscordJobState state) =>
        !state.TokenGone && time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(state.CreatedAt) < TokenLife;

    private async Task<DiscordJobState> EditStatusAsync(ReplyContext job, DiscordJobState state, MessageBody body, CancellationToken cancellationToken)
    {
        if (TokenAlive(state))
        {
            try
            {
                var message = await EditOriginalAsync(state, body, cancellationToken);
                if (state.StatusMessageId != message.Id)
                {
                    state = state with { StatusMessageId = message.Id };
                    await job.SavePlatformStateAsync(state.Serialize(), cancellationToken);
                }
                return state;
            }
            catch (DiscordApiException ex) when (ex.IsTokenGone)
            {
                // Remembered, so no later call spends a request (401s count toward Discord's IP ban) on it.
                DiscordLog.TokenExpired(logger, job.JobId);
                state = DiscordJobState.Parse(job.PlatformState) with { TokenGone = true };
                await job.SavePlatformStateAsync(state.Serialize(), cancellationToken);
            }
        }
        if (state.StatusMessageId is { } id)
        {
            await api.EditMessageAsync(state.ChannelId, id, body, cancellationToken);
        }
        return state;
    }

    // The inline reply may not exist yet for a moment after Discord got our answer: retry "unknown message".
    private async Task<Message> EditOriginalAsync(DiscordJobState state, MessageBody body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await api.EditOriginalAsync(state.ApplicationId, state.InteractionToken, body, cancellationToken);
            }
            catch (DiscordApiException ex) when (ex.Code == DiscordErrorCodes.UnknownMessage && attempt < 4)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), time, cancellationToken);
            }
        }
    }

    // Where the transcript and answers go, decided once per job and kept in its state: null means the
    // interaction's follow-ups (the bot cannot post in the channel, only answer the person).
    private async Task<(DiscordJobState State, string? Target)> AnswersChannelAsync(ReplyContext job, CancellationToken cancellationToken)
    {
        var state = DiscordJobState.Parse(job.PlatformState);
        if (state.AnswersChannelId is { } decided)
        {
            return (state, decided.Length == 0 ? null : decided);
        }
        var type = (ChannelType)state.ChannelType;
        var perms = DiscordPermissions.Format(state.AppPermissions);
        string? reason = null;
        if (type is ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread)
        {
            state = state with { AnswersChannelId = state.ChannelId };
        }
        else if (type is ChannelType.GuildText or ChannelType.GuildAnnouncement && DiscordPermissions.Has(perms, DiscordPermissions.ForThread))
        {
            // On failure the state saved meanwhile (the status message id) is the one to build on.
            state = await StartThreadAsync(job, state, cancellationToken) ?? DiscordJobState.Parse(job.PlatformState);
            reason = state.AnswersChannelId is null ? "I couldn't start a thread here (missing permission)" : null;
        }
        else
        {
            reason = type is ChannelType.GuildText or ChannelType.GuildAnnouncement
                ? "I can't start threads here (missing Create Public Threads or Send Messages in Threads)"
                : "this kind of channel has no threads";
        }
        if (state.AnswersChannelId is null)
        {
            DiscordLog.NoThread(logger, job.JobId, state.ChannelId, reason ?? "");
            var inChannel = DiscordPermissions.Has(perms, DiscordPermissions.ForChannel);
            state = state with { AnswersChannelId = inChannel ? state.ChannelId : "", InThread = false };
            if (TokenAlive(state))
            {
                await api.CreateFollowupAsync(state.ApplicationId, state.InteractionToken, new MessageBody
                {
                    Content = $"{reason}; the answers will come {(inChannel ? "in the channel" : "as replies to you")} instead.",
                    Flags = MessageFlags.Ephemeral,
                    AllowedMentions = AllowedMentions.None,
                }, cancellationToken);
            }
        }
        await job.SavePlatformStateAsync(state.Serialize(), cancellationToken);
        return (state, state.AnswersChannelId!.Length == 0 ? null : state.AnswersChannelId);
    }

    private async Task<DiscordJobState?> StartThreadAsync(ReplyContext job, DiscordJobState state, CancellationToken cancellationToken)
    {
        if (state.StatusMessageId is null)
        {
            // An empty edit changes nothing and returns the message, whose id starts the thread.
            state = await EditStatusAsync(job, state, new MessageBody(), cancellationToken);
        }
        if (state.StatusMessageId is not { } messageId)
        {
            return null;
        }
        try
        {
            var thread = await api.StartThreadFromMessageAsync(state.ChannelId, messageId, DiscordRenderer.ThreadName(job.SourceName),
                DiscordApiClient.DefaultAutoArchiveMinutes, cancellationToken);
            return state with { AnswersChannelId = thread.Id, InThread = true };
        }
        catch (DiscordApiException ex) when (ex.IsThreadAlreadyCreated)
        {
            // A restart after the thread was made: its id is the message's.
            return state with { AnswersChannelId = messageId, InThread = true };
        }
        catch (DiscordApiException ex) when (ex.IsMissingPermissions || ex.Status == 403)
        {
            return null;
        }
    }
}
