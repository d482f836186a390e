using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue;

public static class JobStatusExtensions
{
    public static JobStatus StatusOf(JobRecord job, IReadOnlyList<PromptVariant> prompts, IReadOnlyList<string> models) => new()
    {
        JobId = job.Id,
        SourceName = job.SourceName,
        RequesterId = job.RequesterId,
        SizeBytes = job.SizeBytes,
        MediaDuration = job.MediaSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        State = job.State,
        Language = job.Language,
        Note = job.Note,
        Calls = [.. prompts.SelectMany(p => models.Select(m => new CallMark(p.Name, m, CallState.Waiting, null, null)))],
    };

    public static JobStatus WithOutcome(this JobStatus status, ModelOutcome outcome)
    {
        var mark = outcome switch
        {
            ModelOutcome.Succeeded s => new CallMark(s.Prompt, s.Model, CallState.Succeeded, s.Elapsed, null),
            ModelOutcome.Failed f => new CallMark(f.Prompt, f.Model, CallState.Failed, f.Elapsed, f.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };
        var cost = outcome is ModelOutcome.Succeeded { Cost: { } c } ? (status.TotalCost ?? 0) + c : status.TotalCost;
        return status with
        {
            Calls = [.. status.Calls.Select(m => m.Prompt == mark.Prompt && m.Model == mark.Model ? mark : m)],
            TotalCost = cost,
        };
    }
}
