using System.Security.Cryptography;
using System.Text;
using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue.Questions;

namespace MediaAnalysis.Chat.Discord;

// A question's answer in its thread: it replaces the deferred reply of /ask ("thinking…") while the interaction's
// token lives, which a second post after a restart edits again rather than adding a message; otherwise (the
// button's modal, an expired token) it is a message in the thread with a nonce from the question, so a retry
// returns the first message.
public sealed class DiscordQuestionReplier(DiscordApiClient api, TimeProvider time) : IQuestionReplier
{
    // A minute of margin on the token's 15.
    private static readonly TimeSpan TokenLife = TimeSpan.FromMinutes(14);

    public string Platform => DiscordReplier.PlatformName;

    public Task PostAnswerAsync(QuestionRecord question, CancellationToken cancellationToken) =>
        PostAsync(question, DiscordQuestionRenderer.Answer(question), cancellationToken);

    public Task PostFailureAsync(QuestionRecord question, string failure, CancellationToken cancellationToken) =>
        PostAsync(question, DiscordQuestionRenderer.Failure(question, failure), cancellationToken);

    private async Task PostAsync(QuestionRecord question, MessageBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (DiscordQuestionState.Parse(question.ReplyState) is { } state
            && time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(state.CreatedAt) < TokenLife
            && await EditDeferredAsync(state, body, cancellationToken))
        {
            return;
        }
        await DiscordRefusals.Guard(() => api.CreateMessageAsync(question.Channel, body with { Nonce = Nonce(question.Key), EnforceNonce = true }, cancellationToken));
    }

    // The deferred reply may not exist for a moment after Discord got our answer: "unknown message" is tried again.
    private async Task<bool> EditDeferredAsync(DiscordQuestionState state, MessageBody body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await api.EditOriginalAsync(state.ApplicationId, state.InteractionToken, body, cancellationToken);
                return true;
            }
            catch (DiscordApiException ex) when (ex.Code == DiscordErrorCodes.UnknownMessage && attempt < 4)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), time, cancellationToken);
            }
            catch (DiscordApiException ex) when (ex.IsTokenGone || ex.Code == DiscordErrorCodes.UnknownMessage)
            {
                return false;
            }
        }
    }

    // At most 25 characters, as Discord allows.
    private static string Nonce(string key) => "q" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 12));
}
