using System.Diagnostics.Metrics;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Diagnostics;

// The app's own instruments, exported at GET /metrics (Prometheus text) next to the runtime's
// ("System.Runtime": memory, GC) and ASP.NET Core's (request durations). Labels are bounded sets:
// platform, outcome, stage, model, prompt, reason; never a job, tenant or person.
public sealed class AppMetrics : IDisposable
{
    public const string MeterName = "MediaAnalysis";

    private readonly Meter _meter;
    private readonly Counter<long> _jobs;
    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<double> _stageDuration;
    private readonly Histogram<double> _modelDuration;
    private readonly Counter<long> _modelFailures;
    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;
    private readonly Counter<double> _transcribedMinutes;
    private readonly Counter<long> _unfoundCitations;
    private readonly Counter<double> _spend;
    private readonly Counter<long> _spendRefusals;

    public AppMetrics(IMeterFactory meters, StoreProbe store)
    {
        _meter = meters.Create(MeterName);
        _jobs = _meter.CreateCounter<long>("mediaanalysis.jobs", "{job}", "Jobs ended, by platform and outcome (done, failed, cancelled, timed_out, refused).");
        _jobDuration = _meter.CreateHistogram<double>("mediaanalysis.job.duration", "s", "Time from a job's start to its end.",
            advice: new() { HistogramBucketBoundaries = [5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800] });
        _queueWait = _meter.CreateHistogram<double>("mediaanalysis.queue.wait", "s", "Time a job waited in its queue before it started.",
            advice: new() { HistogramBucketBoundaries = [0.1, 1, 5, 15, 30, 60, 120, 300, 600, 1800] });
        _stageDuration = _meter.CreateHistogram<double>("mediaanalysis.stage.duration", "s", "Time spent in each pipeline stage.",
            advice: new() { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] });
        _modelDuration = _meter.CreateHistogram<double>("mediaanalysis.model.duration", "s", "Time of one model call, retries included.",
            advice: new() { HistogramBucketBoundaries = [1, 2.5, 5, 10, 20, 30, 60, 120] });
        _modelFailures = _meter.CreateCounter<long>("mediaanalysis.model.failures", "{call}", "Model calls that failed, by model and reason.");
        _tokens = _meter.CreateCounter<long>("mediaanalysis.model.tokens", "{token}", "Tokens used, by model and kind (prompt, completion).");
        _cost = _meter.CreateCounter<double>("mediaanalysis.model.cost", "usd", "What the model calls cost, as OpenRouter reports it (usage.cost).");
        _transcribedMinutes = _meter.CreateCounter<double>("mediaanalysis.transcription.minutes", "min", "Minutes of audio transcribed (what Deepgram bills).");
        _unfoundCitations = _meter.CreateCounter<long>("mediaanalysis.model.unfound_citations", "{citation}",
            "Moments an answer cited that the transcript does not have (past the end, or no paragraph within 30 s), by model.");
        _spend = _meter.CreateCounter<double>("mediaanalysis.spend", "usd",
            "What the ledger billed, by kind (deepgram, model); every tenant together (a tenant is never a label).");
        _spendRefusals = _meter.CreateCounter<long>("mediaanalysis.spend.refusals", "{job}",
            "Jobs refused or stopped by a limit, by reason (budget, daily, estimate).");
        _meter.CreateObservableGauge("mediaanalysis.queue.depth", () => Depth(store), "{job}", "Jobs running and waiting, in the whole store.");
    }

    public void JobEnded(string platform, string outcome, double seconds)
    {
        _jobs.Add(1, new("platform", platform), new("outcome", outcome));
        _jobDuration.Record(seconds, new KeyValuePair<string, object?>("platform", platform));
    }

    public void JobRefused(string platform) => _jobs.Add(1, new("platform", platform), new("outcome", "refused"));

    public void JobStarted(string platform, TimeSpan waited) =>
        _queueWait.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("platform", platform));

    public void StageDone(AnalysisStage stage, double seconds) =>
        _stageDuration.Record(seconds, new KeyValuePair<string, object?>("stage", stage.ToString().ToLowerInvariant()));

    public void Transcribed(TimeSpan audio) => _transcribedMinutes.Add(audio.TotalMinutes);

    public void ModelFinished(ModelOutcome outcome)
    {
        var model = new KeyValuePair<string, object?>("model", outcome.Model);
        _modelDuration.Record(outcome.Elapsed.TotalSeconds, model, new("prompt", outcome.Prompt),
            new("outcome", outcome is ModelOutcome.Succeeded ? "ok" : "failed"));
        switch (outcome)
        {
            case ModelOutcome.Succeeded ok:
                if (ok.PromptTokens is { } prompt)
                {
                    _tokens.Add(prompt, model, new("kind", "prompt"));
                }
                if (ok.CompletionTokens is { } completion)
                {
                    _tokens.Add(completion, model, new("kind", "completion"));
                }
                if (ok.Cost is { } cost)
                {
                    _cost.Add((double)cost, model);
                }
                break;
            case ModelOutcome.Failed failed:
                _modelFailures.Add(1, model, new("reason", Reason(failed.Status)));
                break;
        }
    }

    // Configured models by name, any other as "other", so the labels stay bounded.
    public void UnfoundCitations(string model, int count, IReadOnlyCollection<string> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        _unfoundCitations.Add(count, new KeyValuePair<string, object?>("model", configured.Contains(model) ? model : "other"));
    }

    public void Spent(string kind, decimal usd) => _spend.Add((double)usd, new KeyValuePair<string, object?>("kind", kind));

    public void SpendRefused(string reason) => _spendRefusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();

    internal static string Reason(int? status) => status switch
    {
        null => "timeout_or_network",
        200 => "error_in_reply",
        429 => "rate_limited",
        401 or 403 => "unauthorized",
        402 => "payment_required",
        >= 500 => "server_error",
        _ => "rejected",
    };

    // The counts as last read (StoreProbe, freshened before each scrape): never a database call here.
    private static IEnumerable<Measurement<long>> Depth(StoreProbe store) => store.LastCounts() is { } counts
        ? [new(counts.Running, new KeyValuePair<string, object?>("state", "running")), new(counts.Queued, new KeyValuePair<string, object?>("state", "queued"))]
        : [];
}
