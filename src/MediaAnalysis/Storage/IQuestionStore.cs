using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// Follow-up questions: stored once per key (the interaction or event id), counted per asker and UTC day, answered
// once and posted once, so a restart neither loses one nor answers it twice.
public interface IQuestionStore
{
    // Stores the question unless its key is stored already (Duplicate, with the stored one) or its asker has asked
    // `dailyLimit` questions in this tenant since the start of `now`'s UTC day (DailyLimitReached, null).
    Task<(AskOutcome Outcome, QuestionRecord? Question)> AskAsync(QuestionRecord question, int dailyLimit, DateTimeOffset now, CancellationToken cancellationToken);

    Task<QuestionRecord?> GetQuestionAsync(string key, CancellationToken cancellationToken);

    // Pending -> Answered with the answer; false when it was not pending (answered already, elsewhere or before a restart).
    Task<bool> SaveQuestionAnswerAsync(string key, QuestionAnswer answer, DateTimeOffset now, CancellationToken cancellationToken);

    // Answered -> Posted; false when it was not answered-and-unposted.
    Task<bool> MarkQuestionPostedAsync(string key, CancellationToken cancellationToken);

    // Pending -> Failed (the model could not answer; said once, never retried); false when it was not pending.
    Task<bool> MarkQuestionFailedAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    // The job a question asked in this thread is about: the thread's latest finished job, else its latest unfinished
    // one (to refuse in words), else null. A job belongs to the thread when its channel is `thread` (null: never) or its platform
    // state contains `stateFragment` (exact JSON text the platform's adapter writes, e.g. "answers_in":"123").
    Task<JobRecord?> JobInThreadAsync(string platform, string tenant, string? thread, string stateFragment, CancellationToken cancellationToken);

    // Claims an unfinished question for `owner` ("instance/nonce") until now + lease: true when it was free, lapsed, or
    // held by the same instance id (a restart); false when another live process is answering it, or it is finished.
    // Claiming again renews.
    Task<bool> ClaimQuestionAsync(string key, string owner, string instanceId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    // Keys of unfinished questions whose claim, held by another process than `owner`, lapsed before `now` (it died), oldest first.
    Task<IReadOnlyList<string>> LapsedQuestionsAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken);

    // Pending and answered-but-unposted questions, oldest first (what a restart picks up).
    Task<IReadOnlyList<QuestionRecord>> UnfinishedQuestionsAsync(CancellationToken cancellationToken);

    // The job's last `count` answered questions, oldest first, for the prompt of the next one.
    Task<IReadOnlyList<QuestionExchange>> ExchangesAsync(string jobId, int count, CancellationToken cancellationToken);
}
