using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Questions;
using MediaAnalysis.Queue.Questions;

namespace MediaAnalysis.Chat.Discord.Inbound;

// `/ask question:<text>` and the "Ask a question" modal: a question about the video whose thread it comes from
// (the thread's latest finished job). Accepted at once (a deferred reply the answer replaces, or a private note
// for the modal) and answered in the background (QuestionRunner); refusals and the how-to are private.
public static class DiscordAskEndpoint
{
    public const string HowTo = "Use /ask inside a video's thread: every video I analyze gets a thread with its transcript and answers. "
        + "Open that thread and type /ask with your question, e.g. “what did they decide about pricing?”.";

    public const string NoVideoHere = "This thread has no video I analyzed. Use /ask inside the thread of a video I analyzed "
        + "(the one started from my status message), or analyze one with /analyze first.";

    public static async Task<InteractionResponse> CommandAsync(Interaction interaction, QuestionRunner questions, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(time);
        var text = interaction.Data?.Options?.FirstOrDefault(o => o.Name == DiscordCommands.QuestionOption)?.StringValue;
        if (interaction.GuildId is not { } guild || interaction.Channel is not { Type: ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread }
            || interaction.EffectiveChannelId is not { } thread || !IsSnowflake(thread))
        {
            return DiscordRenderer.Ephemeral(HowTo);
        }
        var state = new DiscordQuestionState
        {
            ApplicationId = interaction.ApplicationId,
            InteractionToken = interaction.Token,
            CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        return await AskAsync(interaction, guild, thread, text, state, questions, cancellationToken) ?? InteractionResponse.Deferred;
    }

    // Null when the question was taken (the caller says so its own way); else the private answer.
    internal static async Task<InteractionResponse?> AskAsync(
        Interaction interaction, string guild, string thread, string? text, DiscordQuestionState? state, QuestionRunner questions, CancellationToken cancellationToken)
    {
        var job = await questions.Desk.JobInThreadAsync(DiscordReplier.PlatformName, guild, thread, DiscordJobState.AnswersIn(thread), cancellationToken);
        if (job is null)
        {
            return DiscordRenderer.Ephemeral(NoVideoHere);
        }
        var invoker = interaction.Invoker;
        var decision = await questions.AskAsync(new QuestionRecord
        {
            Key = $"discord:{interaction.Id}",
            JobId = job.Id,
            Platform = DiscordReplier.PlatformName,
            Tenant = guild,
            Channel = thread,
            AskerId = invoker?.Id ?? "",
            AskerName = invoker?.DisplayName ?? "someone",
            Question = text ?? "",
            ReplyState = state?.Serialize(),
        }, cancellationToken);
        return decision.Refusal is { } refusal ? DiscordRenderer.Ephemeral(refusal) : null;
    }

    // The "Ask a question" button on a finished job's status: a form with one field.
    public static ModalResponse Button(string customId)
    {
        ArgumentNullException.ThrowIfNull(customId);
        return new ModalResponse(new Modal
        {
            CustomId = customId,
            Title = "Ask about this video",
            Components =
            [
                new ModalRow([new TextInput
                {
                    CustomId = DiscordCommands.QuestionOption,
                    Label = "Your question",
                    Style = 2,
                    MinLength = 1,
                    MaxLength = QuestionAnswerer.MaxQuestionLength,
                    Required = true,
                    Placeholder = "What did they decide about pricing?",
                }]),
            ],
        });
    }

    // The form sent: the same path as /ask, for the thread of the job whose status had the button. The answer is a
    // message in that thread; the asker hears privately where it will be.
    public static async Task<InteractionResponse> ModalAsync(Interaction interaction, QuestionRunner questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var jobId = interaction.Data?.CustomId?[DiscordStatusButtons.AskPrefix.Length..] ?? "";
        if (interaction.GuildId is not { } guild
            || await questions.Desk.JobAsync(jobId, cancellationToken) is not { } job
            // A button copied into another server (or a forged click) says nothing about that server's job.
            || job.Platform != DiscordReplier.PlatformName || job.Tenant != guild
            || Thread(job) is not { } thread)
        {
            return DiscordRenderer.Ephemeral("That video is no longer known. " + HowTo);
        }
        var text = SubmittedComponent.Values(interaction.Data?.Components).GetValueOrDefault(DiscordCommands.QuestionOption);
        return await AskAsync(interaction, guild, thread, text, null, questions, cancellationToken)
            ?? DiscordRenderer.Ephemeral($"Got it: the answer will be posted in <#{thread}>.");
    }

    public static bool IsAsk(string? customId) =>
        customId is { } id && id.StartsWith(DiscordStatusButtons.AskPrefix, StringComparison.Ordinal) && id.Length > DiscordStatusButtons.AskPrefix.Length;

    // Where the job's answers went: its thread (or the thread it was asked in); null while undecided.
    private static string? Thread(JobRecord job)
    {
        try
        {
            var state = DiscordJobState.Parse(job.PlatformState);
            return state.AnswersChannelId is { Length: > 0 } answers && IsSnowflake(answers) ? answers : null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static bool IsSnowflake(string id) => id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit);
}
