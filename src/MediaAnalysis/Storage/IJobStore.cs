namespace MediaAnalysis.Storage;

// The whole job database, for callers that use several of its roles. SQLite today (SqliteJobStore); a second
// provider implements the five role interfaces and passes the same behaviour suite (tests/…/Storage/JobStoreBehaviour).
// Its SQL is kept portable (INSERT … ON CONFLICT, RETURNING, partial unique index), and the rule of one running
// job per tenant is the database's (a unique index), not only this process's.
// The servers' settings (ITenantSettingsStore) live in the same database.
public interface IJobStore : IJobIntake, IJobClaims, IJobProgress, IJobResults, IJobMaintenance, ITenantSettingsStore;
