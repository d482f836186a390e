namespace MediaAnalysis.Spend;

// Event ids 2600-2699. Tenants and members appear as their platform ids; never a token or a transcript.
public static partial class SpendLog
{
    [LoggerMessage(2600, LogLevel.Warning, "Model {Model} has no price in Pricing:Models and {Endpoint} may not report usage.cost: the budget cannot see what it costs")]
    public static partial void UnpricedModel(ILogger logger, string model, string endpoint);

    [LoggerMessage(2601, LogLevel.Warning, "Model {Model} answered without usage.cost and has no price in Pricing:Models: the call is recorded at $0")]
    public static partial void UncostedCall(ILogger logger, string model);

    [LoggerMessage(2602, LogLevel.Information, "Refused a job for {Platform}/{Tenant} from {Requester}: {Reason}")]
    public static partial void Refused(ILogger logger, string platform, string tenant, string requester, string reason);

    [LoggerMessage(2603, LogLevel.Information, "Job {JobId} stopped before transcription: estimate {Estimate} USD, {Left} USD left of the budget")]
    public static partial void OverEstimate(ILogger logger, string jobId, decimal estimate, decimal left);

    [LoggerMessage(2604, LogLevel.Information, "{Platform}/{Tenant} passed 80% of its monthly budget with job {JobId}")]
    public static partial void Notice(ILogger logger, string platform, string tenant, string jobId);

    [LoggerMessage(2605, LogLevel.Warning, "The spend ledger could not be read for {Platform}/{Tenant}; the limits were not checked: {Message}")]
    public static partial void LedgerUnreadable(ILogger logger, string platform, string tenant, string message);
}
