using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// Follow-up questions, on either provider (QuestionRows holds the SQL, the same text on both).
internal sealed class QuestionStore(ISqlDatabase database) : IQuestionStore
{
    public async Task<(AskOutcome Outcome, QuestionRecord? Question)> AskAsync(
        QuestionRecord question, int dailyLimit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var inserted = await database.NonQueryAsync(QuestionRows.Ask, cancellationToken, QuestionRows.AskParameters(question, dailyLimit, now));
        var stored = await GetQuestionAsync(question.Key, cancellationToken);
        return inserted > 0 ? (AskOutcome.Created, stored) : stored is null ? (AskOutcome.DailyLimitReached, null) : (AskOutcome.Duplicate, stored);
    }

    public async Task<QuestionRecord?> GetQuestionAsync(string key, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync(QuestionRows.Get, QuestionRows.Read, cancellationToken, ("@id", StoredText.Fit(key, StoredText.KeyLength)));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> SaveQuestionAnswerAsync(string key, QuestionAnswer answer, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.NonQueryAsync(QuestionRows.SaveAnswer, cancellationToken, QuestionRows.AnswerParameters(key, answer, now)) > 0;

    public async Task<bool> MarkQuestionPostedAsync(string key, CancellationToken cancellationToken) =>
        await database.NonQueryAsync(QuestionRows.MarkPosted, cancellationToken, ("@id", StoredText.Fit(key, StoredText.KeyLength))) > 0;

    public async Task<bool> ClaimQuestionAsync(string key, string owner, string instanceId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        await database.NonQueryAsync(QuestionRows.Claim, cancellationToken, QuestionRows.ClaimParameters(key, owner, instanceId, now, lease)) > 0;

    public Task<IReadOnlyList<string>> LapsedQuestionsAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ListAsync(QuestionRows.Lapsed, r => r.GetString(0), cancellationToken, ("@now", now.ToUnixTimeMilliseconds()), ("@owner", owner));

    public async Task<bool> MarkQuestionFailedAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.NonQueryAsync(QuestionRows.MarkFailed, cancellationToken,
            ("@id", StoredText.Fit(key, StoredText.KeyLength)), ("@now", now.ToUnixTimeMilliseconds())) > 0;

    public async Task<JobRecord?> JobInThreadAsync(string platform, string tenant, string? thread, string stateFragment, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync(QuestionRows.JobInThread, JobRows.ReadJob, cancellationToken,
            QuestionRows.ThreadParameters(platform, tenant, thread, stateFragment));
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<QuestionRecord>> UnfinishedQuestionsAsync(CancellationToken cancellationToken) =>
        database.ListAsync(QuestionRows.Unfinished, QuestionRows.Read, cancellationToken);

    public async Task<IReadOnlyList<QuestionExchange>> ExchangesAsync(string jobId, int count, CancellationToken cancellationToken) =>
        (await database.ListAsync(QuestionRows.Exchanges, QuestionRows.ReadExchange, cancellationToken, ("@job", jobId), ("@count", (long)count))).Reverse().ToList();
}
