using System.Data.Common;
using System.Globalization;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// The questions table's SQL, the same text on both providers, and how a row becomes a QuestionRecord.
internal static class QuestionRows
{
    public const string Columns =
        "id, job_id, platform, tenant, channel, asker_id, asker_name, question, reply_state, state, created_at, " +
        "answer, supported, model, prompt_tokens, completion_tokens, cost, seconds, answered_at";

    // One statement, so the count and the insert agree: nothing is stored past the asker's limit for the day.
    public const string Ask = """
        INSERT INTO questions (id, job_id, platform, tenant, channel, asker_id, asker_name, question, reply_state, state, created_at)
        SELECT @id, @job, @platform, @tenant, @channel, @asker, @name, @question, @reply, 'pending', @now
        WHERE (SELECT COUNT(*) FROM questions WHERE platform = @platform AND tenant = @tenant AND asker_id = @asker AND created_at >= @day) < @limit
        ON CONFLICT (id) DO NOTHING
        """;

    public const string SaveAnswer = """
        UPDATE questions SET state = 'answered', answer = @answer, supported = @supported, model = @model, prompt_tokens = @in,
            completion_tokens = @out, cost = @cost, seconds = @seconds, answered_at = @now
        WHERE id = @id AND state = 'pending'
        """;

    public const string MarkPosted = "UPDATE questions SET state = 'posted' WHERE id = @id AND state = 'answered'";

    // The claim: free, lapsed, or held by this instance id (a restarted process takes its predecessor's at once).
    public const string Claim = """
        UPDATE questions SET claimed_by = @owner, claimed_until = @until
        WHERE id = @id AND state IN ('pending', 'answered')
          AND (claimed_until IS NULL OR claimed_until < @now OR substr(claimed_by, 1, length(@instance) + 1) = @instance || '/')
        """;

    // Unfinished questions another process claimed and let lapse (it died): this one takes them over. Its own (a run
    // that failed here) wait for the next start, as before.
    public const string Lapsed = """
        SELECT id FROM questions WHERE state IN ('pending', 'answered') AND claimed_until < @now AND claimed_by <> @owner
        ORDER BY created_at, id
        """;

    public static (string Name, object? Value)[] ClaimParameters(string key, string owner, string instance, DateTimeOffset now, TimeSpan lease) =>
    [
        ("@id", StoredText.Fit(key, StoredText.KeyLength)), ("@owner", StoredText.Clip(owner, 200)), ("@instance", instance),
        ("@now", now.ToUnixTimeMilliseconds()), ("@until", (now + lease).ToUnixTimeMilliseconds()),
    ];

    public const string MarkFailed = "UPDATE questions SET state = 'failed', answered_at = @now WHERE id = @id AND state = 'pending'";

    // The thread's latest finished job, else its latest unfinished one: the job asked in it (its channel is the thread)
    // or the one whose adapter state names it (the fragment, exact JSON text the adapter writes).
    public static readonly string JobInThread = $"""
        SELECT {JobRows.JobColumns} FROM jobs
        WHERE platform = @platform AND tenant = @tenant AND (channel = @thread OR platform_state LIKE @like)
        ORDER BY CASE WHEN state IN ('queued', 'running') THEN 1 ELSE 0 END, seq DESC LIMIT 1
        """;

    public static (string Name, object? Value)[] ThreadParameters(string platform, string tenant, string? thread, string stateFragment) =>
    [
        ("@platform", StoredText.Fit(platform, StoredText.PlatformLength)), ("@tenant", StoredText.Fit(tenant, StoredText.IdLength)),
        ("@thread", thread is null ? null : StoredText.Fit(thread, StoredText.IdLength)), ("@like", "%" + stateFragment + "%"),
    ];

    public static readonly string Get = $"SELECT {Columns} FROM questions WHERE id = @id";

    public static readonly string Unfinished = $"SELECT {Columns} FROM questions WHERE state IN ('pending', 'answered') ORDER BY created_at, id";

    public const string Exchanges = """
        SELECT question, answer FROM questions WHERE job_id = @job AND state IN ('answered', 'posted')
        ORDER BY answered_at DESC, id DESC LIMIT @count
        """;

    public static (string Name, object? Value)[] AskParameters(QuestionRecord q, int dailyLimit, DateTimeOffset now) =>
    [
        ("@id", StoredText.Fit(q.Key, StoredText.KeyLength)), ("@job", q.JobId), ("@platform", StoredText.Fit(q.Platform, StoredText.PlatformLength)),
        ("@tenant", StoredText.Fit(q.Tenant, StoredText.IdLength)), ("@channel", StoredText.Fit(q.Channel, StoredText.IdLength)),
        ("@asker", StoredText.Fit(q.AskerId, StoredText.IdLength)), ("@name", StoredText.Fit(q.AskerName, StoredText.NameLength)),
        ("@question", q.Question), ("@reply", q.ReplyState), ("@now", now.ToUnixTimeMilliseconds()),
        ("@day", new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds()), ("@limit", (long)dailyLimit),
    ];

    public static (string Name, object? Value)[] AnswerParameters(string key, QuestionAnswer a, DateTimeOffset now) =>
    [
        ("@id", StoredText.Fit(key, StoredText.KeyLength)), ("@answer", a.Text), ("@supported", a.Supported ? 1 : 0),
        ("@model", StoredText.Fit(a.Model, StoredText.NameLength)), ("@in", a.PromptTokens), ("@out", a.CompletionTokens),
        ("@cost", a.Cost?.ToString(CultureInfo.InvariantCulture)), ("@seconds", a.Elapsed.TotalSeconds), ("@now", now.ToUnixTimeMilliseconds()),
    ];

    public static QuestionRecord Read(DbDataReader r) => new()
    {
        Key = r.GetString(0),
        JobId = r.GetString(1),
        Platform = r.GetString(2),
        Tenant = r.GetString(3),
        Channel = r.GetString(4),
        AskerId = r.GetString(5),
        AskerName = r.GetString(6),
        Question = r.GetString(7),
        ReplyState = r.IsDBNull(8) ? null : r.GetString(8),
        State = Enum.Parse<QuestionState>(r.GetString(9), ignoreCase: true),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
        Answer = r.IsDBNull(11) ? null : r.GetString(11),
        Supported = !r.IsDBNull(12) && r.GetInt32(12) != 0,
        Model = r.IsDBNull(13) ? null : r.GetString(13),
        PromptTokens = r.IsDBNull(14) ? null : r.GetInt32(14),
        CompletionTokens = r.IsDBNull(15) ? null : r.GetInt32(15),
        Cost = r.IsDBNull(16) ? null : decimal.Parse(r.GetString(16), CultureInfo.InvariantCulture),
        Seconds = r.IsDBNull(17) ? null : r.GetDouble(17),
        AnsweredAt = r.IsDBNull(18) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(18)),
    };

    public static QuestionExchange ReadExchange(DbDataReader r) => new(r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1));
}
