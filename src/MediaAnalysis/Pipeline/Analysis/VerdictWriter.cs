using System.Diagnostics;
using MediaAnalysis.Jobs;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline.Analysis;

// Writes the panel verdict: the primary model (Analysis:Verdict:Model), one retry when its document is invalid,
// then the fallback (Analysis:Verdict:Fallback) the same way. The outcome is stored like an answer under
// PanelVerdict.Prompt: Succeeded with the canonical document, or Failed with the reason in words (also when fewer
// than two answers came back, so there is nothing to compare). Its cost is every call's, the failed ones included.
public sealed class VerdictWriter(
    SchemaCall call,
    IOptions<AnalysisOptions> analysis,
    ILogger<VerdictWriter> logger)
{
    public const string TooFew = "Fewer than two answers came back, so there is no panel verdict.";

    public async Task<ModelOutcome> WriteAsync(IReadOnlyList<ModelOutcome> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var options = analysis.Value;
        var primary = options.VerdictModel;
        var succeeded = answers.OfType<ModelOutcome.Succeeded>().Where(a => !PanelVerdict.Is(a)).ToList();
        if (succeeded.Count < 2)
        {
            PipelineLog.VerdictSkipped(logger, succeeded.Count);
            return new ModelOutcome.Failed(PanelVerdict.Prompt, primary, TimeSpan.Zero, 0, TooFew, null);
        }
        var clock = Stopwatch.StartNew();
        var spent = new Spent();
        var reasons = new List<string>();
        foreach (var model in new[] { primary, options.VerdictFallback }.OfType<string>())
        {
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var (verdict, served, error) = await CallAsync(model, succeeded, spent, cancellationToken);
                if (verdict is not null)
                {
                    PipelineLog.VerdictWritten(logger, model, spent.Calls, clock.Elapsed.TotalSeconds);
                    return new ModelOutcome.Succeeded(PanelVerdict.Prompt, model, clock.Elapsed, spent.Calls, PanelVerdictJson.Write(verdict),
                        served, spent.PromptTokens, spent.CompletionTokens, spent.Cost);
                }
                PipelineLog.VerdictAttemptFailed(logger, model, attempt, error.Reason);
                if (!error.Invalid)
                {
                    reasons.Add($"{model}: {error.Reason}");
                    break;
                }
                if (attempt == 2)
                {
                    reasons.Add($"{model}: {error.Reason} twice");
                }
            }
        }
        return new ModelOutcome.Failed(PanelVerdict.Prompt, primary, clock.Elapsed, spent.Calls,
            "The panel verdict could not be written (" + string.Join("; ", reasons) + ").", null);
    }

    private async Task<(PanelVerdict? Verdict, string? Served, (string Reason, bool Invalid) Error)> CallAsync(
        string model, IReadOnlyList<ModelOutcome.Succeeded> answers, Spent spent, CancellationToken cancellationToken)
    {
        spent.Calls++;
        var (reply, usage, error) = await call.PostAsync(VerdictRequest.Body(model, answers, analysis.Value.Verdict.MaxTokens), cancellationToken);
        if (usage is not null)
        {
            spent.Add(usage);
        }
        if (reply is null)
        {
            return (null, null, (error ?? "no answer", false));
        }
        return PanelVerdictJson.TryRead(reply.Content) is { } verdict
            ? (verdict, reply.ServedModel, ("", false))
            : (null, null, ("an invalid verdict document", true));
    }

    private sealed class Spent
    {
        public int Calls { get; set; }

        public int? PromptTokens { get; private set; }

        public int? CompletionTokens { get; private set; }

        public decimal? Cost { get; private set; }

        public void Add(ModelReply reply)
        {
            PromptTokens = Sum(PromptTokens, reply.PromptTokens);
            CompletionTokens = Sum(CompletionTokens, reply.CompletionTokens);
            Cost = reply.Cost is { } c ? (Cost ?? 0) + c : Cost;
        }

        private static int? Sum(int? a, int? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
    }
}
