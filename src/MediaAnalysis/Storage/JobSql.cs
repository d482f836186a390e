namespace MediaAnalysis.Storage;

// The statements both stores run word for word (SQLite and PostgreSQL read them alike); each provider keeps only
// what its dialect needs.
internal static class JobSql
{
    public const string RequeueOwn = """
        UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_until = NULL WHERE state = 'running' AND
        (lease_owner = @id OR substr(lease_owner, 1, length(@id) + 1) = @id || '/')
        """;

    public const string RequeueLapsed = """
        UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_until = NULL WHERE id = @id AND state = 'running'
        AND attempts = @attempts AND lease_until < @now
        """;

    public const string Finish = """
        UPDATE jobs SET state = @state, note = @note, finished_at = @now, lease_owner = NULL, lease_until = NULL WHERE
        id = @id AND state IN ('queued', 'running')
        """;

    public const string SeenInstance = """
        INSERT INTO instances (owner, instance_id, seen_at) VALUES (@owner, @id, @now) ON CONFLICT (owner) DO UPDATE
        SET seen_at = excluded.seen_at, instance_id = excluded.instance_id
        """;

    public const string ForgetInstance = "DELETE FROM instances WHERE instance_id = @id";

    public const string LapsedJobs = "SELECT id, attempts FROM jobs WHERE state = 'running' AND lease_until < @now";

    public const string ConfirmLease = """
        UPDATE jobs SET lease_until = @until WHERE id = @id AND state = 'running' AND lease_owner = @owner AND
        attempts = @attempt
        """;

    public const string Release = "UPDATE jobs SET lease_until = @now, releases = releases + 1 WHERE id = @id AND state = 'running'";

    public const string ForgetOldInstances = "DELETE FROM instances WHERE seen_at < @old";

    public const string SameIdElsewhere = "SELECT owner FROM instances WHERE instance_id = @id AND owner <> @owner AND seen_at >= @since ORDER BY owner";

    public const string SaveAnswer = """
        INSERT INTO answers (job_id, prompt, model, ok, body, served_by, prompt_tokens, completion_tokens, cost,
        seconds, attempts, status) VALUES (@id, @prompt, @model, @ok, @body, @served, @in, @out, @cost, @seconds,
        @attempts, @status) ON CONFLICT (job_id, prompt, model) DO NOTHING
        """;

    public const string SaveTranscript = "UPDATE jobs SET transcript = @text, language = @language, transcript_paragraphs = @paragraphs WHERE id = @id";

    public const string MarkTranscriptPosted = "UPDATE jobs SET transcript_posted = 1 WHERE id = @id";

    public const string Answers = $"SELECT {JobRows.AnswerColumns} FROM answers WHERE job_id = @id";

    public const string SavePageToken = "UPDATE jobs SET page_token_hash = @hash, page_token = @token WHERE id = @id";

    public const string MarkAnswerPosted = "UPDATE answers SET posted = 1 WHERE job_id = @id AND prompt = @prompt AND model = @model";

    public const string QueuePosition = """
        SELECT (SELECT COUNT(*) FROM jobs a WHERE a.platform = j.platform AND a.tenant = j.tenant AND a.state =
        'queued' AND a.seq < j.seq) + (SELECT COUNT(*) FROM jobs r WHERE r.platform = j.platform AND r.tenant =
        j.tenant AND r.state = 'running') + 1 FROM jobs j WHERE j.id = @id AND j.state = 'queued'
        """;

    public const string CancelQueued = """
        UPDATE jobs SET state = 'cancelled', note = @note, cancel_requested_by = @by, finished_at = @now WHERE id =
        @id AND state = 'queued'
        """;

    public const string AskRunningToCancel = "UPDATE jobs SET cancel_requested_by = @by WHERE id = @id AND state = 'running'";

    public const string QueuedInTenant = $"""
        SELECT {JobRows.JobColumns} FROM jobs WHERE platform = @platform AND tenant = @tenant AND state = 'queued'
        ORDER BY seq
        """;

    public const string MarkChecked = "UPDATE schema_info SET checked_at = @now";
}
