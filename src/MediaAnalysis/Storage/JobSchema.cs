namespace MediaAnalysis.Storage;

// Portable DDL: types and constraints both SQLite and PostgreSQL accept. Times are Unix milliseconds.
//
// One versioned list for both providers. schema_info.version says how many of these a database has had; at every
// start SqliteDatabase.MigrateAsync and PostgresDatabase.MigrateAsync (the latter under pg_advisory_lock, so
// instances starting at once migrate once) run the missing ones in order, each in its own transaction with the
// version bump. To change the schema, APPEND a migration (never edit or reorder a shipped one) and bump Version:
// - use DDL both accept: ALTER TABLE … ADD COLUMN with a DEFAULT or NULL (rows written before keep working),
//   CREATE TABLE, CREATE [UNIQUE] INDEX (partial ones with WHERE too); types INTEGER, BIGINT, TEXT, VARCHAR(n),
//   DOUBLE PRECISION; no SQLite-only or PostgreSQL-only syntax;
// - add the column to JobRows (JobColumns and ReadJob) and to the INSERTs of both providers' parts;
// - the behaviour suite (tests/…/Storage/JobStoreBehaviour) runs on both and has a test that migrates a
//   version-1 database.
public static class JobSchema
{
    public const int Version = 12;

    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE schema_info (version INTEGER NOT NULL, checked_at BIGINT NOT NULL);
        INSERT INTO schema_info (version, checked_at) VALUES (0, 0);
        CREATE TABLE jobs (
            id VARCHAR(32) PRIMARY KEY,
            idempotency_key VARCHAR(300) NOT NULL UNIQUE,
            platform VARCHAR(20) NOT NULL,
            tenant VARCHAR(100) NOT NULL,
            channel VARCHAR(100) NOT NULL,
            requester_id VARCHAR(100) NOT NULL,
            requester_name VARCHAR(200) NOT NULL,
            video_key VARCHAR(300) NOT NULL,
            video_url TEXT NOT NULL,
            source_name VARCHAR(200) NOT NULL,
            size_bytes BIGINT,
            platform_state TEXT,
            state VARCHAR(20) NOT NULL,
            stage VARCHAR(20),
            seq BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            started_at BIGINT,
            finished_at BIGINT,
            lease_owner VARCHAR(200),
            lease_until BIGINT,
            attempts INTEGER NOT NULL DEFAULT 0,
            cancel_requested_by VARCHAR(200),
            note TEXT,
            media_seconds DOUBLE PRECISION,
            language VARCHAR(20),
            transcript TEXT,
            transcript_posted INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX jobs_one_running_per_tenant ON jobs (platform, tenant) WHERE state = 'running';
        CREATE INDEX jobs_by_tenant ON jobs (platform, tenant, state, seq);
        CREATE INDEX jobs_by_state ON jobs (state, finished_at);
        CREATE TABLE answers (
            job_id VARCHAR(32) NOT NULL,
            prompt VARCHAR(100) NOT NULL,
            model VARCHAR(200) NOT NULL,
            ok INTEGER NOT NULL,
            body TEXT NOT NULL,
            served_by VARCHAR(200),
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            cost VARCHAR(40),
            seconds DOUBLE PRECISION NOT NULL,
            attempts INTEGER NOT NULL,
            status INTEGER,
            posted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (job_id, prompt, model)
        );
        """,
        // 2: when the current stage began, so a restart (and an operator) can see where each job stood and since when.
        """
        ALTER TABLE jobs ADD COLUMN stage_at BIGINT;
        """,
        // 3: the live processes (Queue:InstanceId and a per-process nonce) and when each last renewed its leases,
        // so that two live processes configured with the same id are noticed and named.
        """
        CREATE TABLE instances (
            owner VARCHAR(300) PRIMARY KEY,
            instance_id VARCHAR(200) NOT NULL,
            seen_at BIGINT NOT NULL
        );
        """,
        // 4: how many of a job's attempts ended in a release (SIGTERM), so the others (the holder died or lost its
        // lease) can be counted: attempts - releases. Jobs already waiting or running start counting afresh.
        """
        ALTER TABLE jobs ADD COLUMN releases INTEGER NOT NULL DEFAULT 0;
        UPDATE jobs SET releases = attempts WHERE state IN ('queued', 'running');
        """,
        // 5: the transcript's paragraphs (times, speakers) as one compact JSON document (Jobs/TranscriptDocument), and the
        // language the person chose. Both nullable: a job stored before keeps its plain transcript and still resumes.
        """
        ALTER TABLE jobs ADD COLUMN transcript_paragraphs TEXT;
        ALTER TABLE jobs ADD COLUMN requested_language VARCHAR(20);
        """,
        // 6: the spend ledger (Spend/): one row per accepted job (kind 'job', no cost) and per billed call (kind
        // 'deepgram' or 'model'), its key (job_id, call_key) making a call billed once across restarts and resumes;
        // cost in nano-USD (exact sums on both providers). And the 80% notices, one per tenant and UTC month.
        // Neither is touched by Storage:RetentionDays.
        """
        CREATE TABLE spend_ledger (
            job_id VARCHAR(32) NOT NULL,
            call_key VARCHAR(400) NOT NULL,
            platform VARCHAR(20) NOT NULL,
            tenant VARCHAR(100) NOT NULL,
            requester_id VARCHAR(100) NOT NULL,
            kind VARCHAR(20) NOT NULL,
            model VARCHAR(200),
            minutes DOUBLE PRECISION,
            nano_usd BIGINT NOT NULL,
            billed_at BIGINT NOT NULL,
            PRIMARY KEY (job_id, call_key)
        );
        CREATE INDEX spend_by_tenant ON spend_ledger (platform, tenant, billed_at);
        CREATE TABLE spend_notices (
            platform VARCHAR(20) NOT NULL,
            tenant VARCHAR(100) NOT NULL,
            month_utc VARCHAR(7) NOT NULL,
            job_id VARCHAR(32) NOT NULL,
            PRIMARY KEY (platform, tenant, month_utc)
        );
        """,
        // 7: the job's results page, looked up by the SHA-256 (hex) of its link's token; the token itself is kept with
        // the job so that any later status (worker, restart) can show the link (the transcript it guards lives in the
        // same database, so this adds no exposure). Both go with their job's row (retention, Delete).
        """
        ALTER TABLE jobs ADD COLUMN page_token_hash VARCHAR(64);
        ALTER TABLE jobs ADD COLUMN page_token VARCHAR(32);
        CREATE UNIQUE INDEX jobs_by_page_token ON jobs (page_token_hash);
        """,
        // 8: each server's own settings (one JSON document, a version for optimistic writes), every change to them
        // (who, when, what), and the settings a job runs with, taken when it starts. Jobs stored before get '' (the
        // operator's defaults); null means "not started yet". None of these is touched by Storage:RetentionDays.
        """
        CREATE TABLE tenant_settings (
            platform VARCHAR(20) NOT NULL,
            tenant VARCHAR(100) NOT NULL,
            document TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (platform, tenant)
        );
        CREATE TABLE settings_changes (
            platform VARCHAR(20) NOT NULL,
            tenant VARCHAR(100) NOT NULL,
            version INTEGER NOT NULL,
            changed_at BIGINT NOT NULL,
            changed_by VARCHAR(200) NOT NULL,
            what TEXT NOT NULL,
            PRIMARY KEY (platform, tenant, version)
        );
        ALTER TABLE jobs ADD COLUMN settings_snapshot TEXT;
        UPDATE jobs SET settings_snapshot = '';
        """,
        // 9: follow-up questions, each a small durable job keyed by its interaction or event id (Storage/QuestionRows):
        // pending -> answered (the answer and its usage kept) -> posted. Counted per asker and UTC day by created_at.
        """
        CREATE TABLE questions (
            id VARCHAR(300) PRIMARY KEY,
            job_id VARCHAR(32) NOT NULL,
            platform VARCHAR(20) NOT NULL,
            tenant VARCHAR(100) NOT NULL,
            channel VARCHAR(100) NOT NULL,
            asker_id VARCHAR(100) NOT NULL,
            asker_name VARCHAR(200) NOT NULL,
            question TEXT NOT NULL,
            reply_state TEXT,
            state VARCHAR(20) NOT NULL,
            created_at BIGINT NOT NULL,
            answer TEXT,
            supported INTEGER,
            model VARCHAR(200),
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            cost VARCHAR(40),
            seconds DOUBLE PRECISION,
            answered_at BIGINT
        );
        CREATE INDEX questions_by_asker ON questions (platform, tenant, asker_id, created_at);
        CREATE INDEX questions_by_job ON questions (job_id, answered_at);
        CREATE INDEX questions_by_state ON questions (state, created_at);
        """,
        // 10: a model's recent answers in the ledger (whether any came with a cost), for the settings' warning about
        // models the budget cannot see: read by model, newest first, whatever the ledger's size.
        """
        CREATE INDEX spend_by_model ON spend_ledger (model, billed_at);
        """,

        // 11: who is answering a question, until when (renewed while it runs): with several instances on one
        // database, one answers it; another takes it over only once the claim has lapsed (its holder died).
        """
        ALTER TABLE questions ADD COLUMN claimed_by VARCHAR(200);
        ALTER TABLE questions ADD COLUMN claimed_until BIGINT;
        """,

        // 12: the next job's seq (MAX(seq) in every accept's insert) from an index of its own: without it, SQLite
        // reads all of jobs_by_tenant, which grows with every job kept.
        """
        CREATE INDEX jobs_by_seq ON jobs (seq);
        """,
    ];
}
