using System.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Transcription;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline.Questions;

// Answers one follow-up question from a job's structured transcript with the question model
// (Analysis:QuestionModel, else the first model): a json_schema reply, asked once more when invalid; an answer the
// model marks unsupported becomes "The video doesn't say."; cited moments are checked as the answers' are.
// Not yet wired to chat or stored as a job of its own (issue 18, part 2): the caller refuses too-long questions
// with Refusal first and records the cost (Usage) in the ledger.
public sealed class QuestionAnswerer(SchemaCall call, IOptions<AnalysisOptions> analysis, ILogger<QuestionAnswerer> logger)
{
    public const int MaxQuestionLength = 1000;

    // Plain words for a question that cannot be asked as it is, or null.
    public static string? Refusal(string? question) => question?.Trim() switch
    {
        null or { Length: 0 } => "Ask a question in words, e.g. “what did they decide about pricing?”.",
        { Length: > MaxQuestionLength } q => $"That question is {Format.Count(q.Length)} characters long; questions can be at most {Format.Count(MaxQuestionLength)}.",
        _ => null,
    };

    // (answer, null), or (null, why the model could not answer) in words.
    public Task<(QuestionAnswer? Answer, string? Failure)> AnswerAsync(
        Transcript transcript, string question, IReadOnlyList<QuestionExchange> earlier, CancellationToken cancellationToken) =>
        AnswerAsync(transcript, question, earlier, null, cancellationToken);

    // `titles`: the job's answers' titles (QuestionTitles.Block), or null.
    public Task<(QuestionAnswer? Answer, string? Failure)> AnswerAsync(
        Transcript transcript, string question, IReadOnlyList<QuestionExchange> earlier, string? titles, CancellationToken cancellationToken) =>
        AnswerAsync(transcript, question, earlier, titles, null, cancellationToken);

    // `jobModels`: the models the job ran with (its server's own, from its settings snapshot); the first answers when
    // the operator named no Analysis:QuestionModel. Null: the operator's models.
    public async Task<(QuestionAnswer? Answer, string? Failure)> AnswerAsync(Transcript transcript, string question,
        IReadOnlyList<QuestionExchange> earlier, string? titles, IReadOnlyList<string>? jobModels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var model = string.IsNullOrWhiteSpace(analysis.Value.QuestionModel) && jobModels is [var first, ..]
            ? first
            : analysis.Value.EffectiveQuestionModel;
        var clock = Stopwatch.StartNew();
        int? promptTokens = null, completionTokens = null;
        decimal? cost = null;
        var failure = "no answer";
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var (reply, usage, error) = await call.PostAsync(QuestionRequest.Body(model, transcript, question, earlier, 1000, titles), cancellationToken);
            if (usage is not null)
            {
                promptTokens = usage.PromptTokens is { } p ? (promptTokens ?? 0) + p : promptTokens;
                completionTokens = usage.CompletionTokens is { } c ? (completionTokens ?? 0) + c : completionTokens;
                cost = usage.Cost is { } d ? (cost ?? 0) + d : cost;
            }
            if (reply is null)
            {
                failure = error ?? failure;
                break;
            }
            if (QuestionJson.TryRead(reply.Content) is not { } read)
            {
                failure = "the model's reply was not the answer document, twice";
                continue;
            }
            QuestionLog.Answered(logger, model, read.Supported, clock.Elapsed.TotalSeconds);
            if (!read.Supported)
            {
                return (new QuestionAnswer(QuestionAnswer.NotInVideo, false, [], model, clock.Elapsed, promptTokens, completionTokens, cost), null);
            }
            var (text, unfound) = CitationCheck.Apply(read.Answer, transcript.Paragraphs, transcript.DurationSeconds);
            var moments = read.Moments.Where(m => CitationCheck.Apply($"[{m.Trim('[', ']')}]", transcript.Paragraphs, transcript.DurationSeconds).Unfound == 0).ToList();
            return (new QuestionAnswer(text, true, moments, model, clock.Elapsed, promptTokens, completionTokens, cost) { UnfoundCitations = unfound }, null);
        }
        QuestionLog.Failed(logger, model, failure);
        return (null, $"{model} could not answer: {failure}.");
    }
}
