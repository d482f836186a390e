namespace MediaAnalysis.Storage;

// One row of the spend ledger: an accepted job (Kind "job", no cost) or one billed call ("deepgram", "model", "question").
// (JobId, CallKey) is the row's key: the same call written again (a resume, a retry) adds nothing.
public sealed record SpendEntry(
    string JobId,
    string CallKey,
    string Platform,
    string Tenant,
    string RequesterId,
    string Kind,
    string? Model,
    double? Minutes,
    decimal Usd,
    DateTimeOffset BilledAt)
{
    public const string Job = "job";
    public const string Deepgram = "deepgram";
    public const string ModelCall = "model";

    // A follow-up question's model call, billed under its video's job (CallKey "question:<question key>"); kept apart
    // from "model" so the per-minute estimate of a video's answers is not skewed by questions.
    public const string Question = "question";
}
