using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// The one place that decides whether a job gets the panel verdict. Today: the operator's Analysis:Verdict:Enabled.
// Where a server's own stored setting exists it wins either way (issue 17): plug it in here.
public sealed class VerdictSwitch(IOptions<AnalysisOptions> analysis)
{
    public Task<bool> IsOnAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Task.FromResult(analysis.Value.Verdict.Enabled);
    }
}
