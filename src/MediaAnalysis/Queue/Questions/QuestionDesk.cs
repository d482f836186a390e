using MediaAnalysis.Configuration;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Questions;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue.Questions;

// Takes follow-up questions into the store (refusing, in plain words, what cannot be answered) and answers stored
// ones in their own lane (Queue:MaxConcurrentQuestions), never behind a server's running video job.
public sealed partial class QuestionDesk(
    IQuestionStore questions,
    IJobStore jobs,
    QuestionAnswerer answerer,
    IOptions<LimitsOptions> limits,
    IOptions<QueueOptions> queue,
    TimeProvider time,
    ILogger<QuestionDesk> logger) : IDisposable
{
    public const string StillRunning = "That video is still being analyzed: ask again when its answers are in.";

    public const string TranscriptGone = "That video's transcript is gone (deleted, or past the retention period), so there is nothing left to answer from.";

    private readonly SemaphoreSlim _lane = new(queue.Value.MaxConcurrentQuestions, queue.Value.MaxConcurrentQuestions);

    public async Task<QuestionDecision> AskAsync(QuestionRecord question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (QuestionAnswerer.Refusal(question.Question) is { } wording)
        {
            return Refuse(question, "wording", wording);
        }
        var job = await jobs.GetAsync(question.JobId, cancellationToken);
        if (job is { State: JobState.Queued or JobState.Running })
        {
            return Refuse(question, "running", StillRunning);
        }
        if (job is null || JobStages.Kept(job) is null)
        {
            return Refuse(question, "no transcript", TranscriptGone);
        }
        var limit = limits.Value.QuestionsPerMemberDaily;
        var (outcome, stored) = await questions.AskAsync(question with { Question = question.Question.Trim() }, limit, time.GetUtcNow(), cancellationToken);
        return outcome switch
        {
            AskOutcome.DailyLimitReached => Refuse(question, "daily limit",
                $"You've asked {Format.Count(limit)} questions today, the most one member may ask in a day; ask again after midnight UTC."),
            _ => new QuestionDecision(stored, null, outcome == AskOutcome.Duplicate),
        };
    }

    public Task<JobRecord?> JobAsync(string jobId, CancellationToken cancellationToken) => jobs.GetAsync(jobId, cancellationToken);

    // The job a question asked in this thread is about (IQuestionStore.JobInThreadAsync); null when the thread has none.
    public Task<JobRecord?> JobInThreadAsync(string platform, string tenant, string? thread, string stateFragment, CancellationToken cancellationToken) =>
        questions.JobInThreadAsync(platform, tenant, thread, stateFragment, cancellationToken);

    // Answers a pending question and stores the answer (once: false answer when another run stored it first).
    // Returns the stored question, answered, or why it could not be answered.
    public async Task<(QuestionRecord? Answered, string? Failure)> AnswerAsync(string key, CancellationToken cancellationToken)
    {
        await _lane.WaitAsync(cancellationToken);
        try
        {
            var question = await questions.GetQuestionAsync(key, cancellationToken);
            if (question is null)
            {
                return (null, "no such question");
            }
            if (question.State != QuestionState.Pending)
            {
                return (question, null);
            }
            var job = await jobs.GetAsync(question.JobId, cancellationToken);
            if (job is null || JobStages.Kept(job) is not { } transcript)
            {
                return (null, TranscriptGone);
            }
            var earlier = await questions.ExchangesAsync(question.JobId, QuestionRequest.Earlier, cancellationToken);
            var titles = QuestionTitles.Block((await jobs.GetAnswersAsync(question.JobId, cancellationToken)).Select(a => a.Outcome));
            var (answer, failure) = await answerer.AnswerAsync(transcript, question.Question, earlier, titles,
                JobSettings.Parse(job.SettingsSnapshot).Models, cancellationToken);
            if (answer is null)
            {
                return (null, failure);
            }
            await questions.SaveQuestionAnswerAsync(key, answer, time.GetUtcNow(), cancellationToken);
            return (await questions.GetQuestionAsync(key, cancellationToken), null);
        }
        finally
        {
            _lane.Release();
        }
    }

    public void Dispose() => _lane.Dispose();

    private QuestionDecision Refuse(QuestionRecord question, string reason, string words)
    {
        LogRefused(question.JobId, reason);
        return QuestionDecision.Refused(words);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Question about job {JobId} refused: {Reason}")]
    private partial void LogRefused(string jobId, string reason);
}
