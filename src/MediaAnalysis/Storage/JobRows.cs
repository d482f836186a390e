using System.Data.Common;
using System.Globalization;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// Rows to records and back; the one place that knows column names and encodings.
public static class JobRows
{
    public const string JobColumns =
        "id, idempotency_key, platform, tenant, channel, requester_id, requester_name, video_key, video_url, source_name, "
        + "size_bytes, platform_state, state, stage, seq, created_at, started_at, finished_at, attempts, cancel_requested_by, "
        + "note, media_seconds, language, transcript, transcript_posted, releases, transcript_paragraphs, requested_language, settings_snapshot, page_token";

    // The results page's look-up: the row without its transcript's text, which can be megabytes. Transcript and
    // TranscriptParagraphs read "" when stored (the page streams them: IJobResults.OpenTranscriptAsync), null when not.
    public const string PageColumns =
        "id, idempotency_key, platform, tenant, channel, requester_id, requester_name, video_key, video_url, source_name, "
        + "size_bytes, platform_state, state, stage, seq, created_at, started_at, finished_at, attempts, cancel_requested_by, "
        + "note, media_seconds, language, CASE WHEN transcript IS NULL THEN NULL ELSE '' END, transcript_posted, releases, "
        + "CASE WHEN transcript_paragraphs IS NULL THEN NULL ELSE '' END, requested_language, settings_snapshot, page_token";

    public static string StateName(JobState state) => state switch
    {
        JobState.Queued => "queued",
        JobState.Running => "running",
        JobState.Done => "done",
        JobState.Failed => "failed",
        JobState.Cancelled => "cancelled",
        JobState.TimedOut => "timed_out",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static JobState ParseState(string value) => value switch
    {
        "queued" => JobState.Queued,
        "running" => JobState.Running,
        "done" => JobState.Done,
        "failed" => JobState.Failed,
        "cancelled" => JobState.Cancelled,
        "timed_out" => JobState.TimedOut,
        _ => throw new InvalidDataException($"unknown job state '{value}'"),
    };

    public static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static JobRecord ReadJob(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        IdempotencyKey = r.GetString(1),
        Platform = r.GetString(2),
        Tenant = r.GetString(3),
        Channel = r.GetString(4),
        RequesterId = r.GetString(5),
        RequesterName = r.GetString(6),
        VideoKey = r.GetString(7),
        VideoUrl = new Uri(r.GetString(8)),
        SourceName = r.GetString(9),
        SizeBytes = r.IsDBNull(10) ? null : r.GetInt64(10),
        PlatformState = r.IsDBNull(11) ? null : r.GetString(11),
        State = ParseState(r.GetString(12)),
        Stage = r.IsDBNull(13) ? null : r.GetString(13),
        Seq = r.GetInt64(14),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(15)),
        StartedAt = r.IsDBNull(16) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(16)),
        FinishedAt = r.IsDBNull(17) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(17)),
        Attempts = r.GetInt32(18),
        CancelRequestedBy = r.IsDBNull(19) ? null : r.GetString(19),
        Note = r.IsDBNull(20) ? null : r.GetString(20),
        MediaSeconds = r.IsDBNull(21) ? null : r.GetDouble(21),
        Language = r.IsDBNull(22) ? null : r.GetString(22),
        Transcript = r.IsDBNull(23) ? null : r.GetString(23),
        TranscriptPosted = r.GetInt32(24) != 0,
        Releases = r.GetInt32(25),
        TranscriptParagraphs = r.IsDBNull(26) ? null : r.GetString(26),
        RequestedLanguage = r.IsDBNull(27) ? null : r.GetString(27),
        SettingsSnapshot = r.IsDBNull(28) ? null : r.GetString(28),
        PageToken = r.IsDBNull(29) ? null : r.GetString(29),
    };

    public const string AnswerColumns = "prompt, model, ok, body, served_by, prompt_tokens, completion_tokens, cost, seconds, attempts, status, posted";

    public static StoredAnswer ReadAnswer(DbDataReader r)
    {
        var prompt = r.GetString(0);
        var model = r.GetString(1);
        var elapsed = TimeSpan.FromSeconds(r.GetDouble(8));
        var attempts = r.GetInt32(9);
        ModelOutcome outcome = r.GetInt32(2) != 0
            ? new ModelOutcome.Succeeded(prompt, model, elapsed, attempts, r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetInt32(6),
                r.IsDBNull(7) ? null : decimal.Parse(r.GetString(7), CultureInfo.InvariantCulture))
            : new ModelOutcome.Failed(prompt, model, elapsed, attempts, r.GetString(3), r.IsDBNull(10) ? null : r.GetInt32(10));
        return new StoredAnswer(outcome, r.GetInt32(11) != 0);
    }
}
