using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// The one place that decides whether a job gets the panel verdict: its server's setting when it started (the job's
// settings snapshot, `/settings verdict`) wins either way; without one, the operator's Analysis:Verdict:Enabled.
public sealed class VerdictSwitch(IOptions<AnalysisOptions> analysis)
{
    public Task<bool> IsOnAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Task.FromResult(JobSettings.Parse(job.SettingsSnapshot).Verdict ?? analysis.Value.Verdict.Enabled);
    }
}
