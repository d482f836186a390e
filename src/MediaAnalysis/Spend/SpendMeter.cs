using System.Collections.Concurrent;
using MediaAnalysis.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Spend;

// Writes each billed call to the ledger once (its key: the job and the call), and tells when a server's month
// passes 80% of its budget (once per month: the job that crossed it, in its status).
public sealed class SpendMeter(
    SpendLimits limits,
    ISpendStore ledger,
    IOptions<PricingOptions> pricing,
    AppMetrics metrics,
    ILogger<SpendMeter> logger)
{
    private const decimal NoticeShare = 0.8m;
    private readonly ConcurrentDictionary<string, bool> _uncostedWarned = new(StringComparer.Ordinal);

    // Deepgram's reported duration × Pricing:DeepgramUsdPerMinute. Returns the 80% notice when this call crossed it.
    public Task<string?> BillTranscriptAsync(JobRecord job, double seconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var minutes = Math.Max(0, seconds) / 60;
        return BillAsync(job, SpendEntry.Deepgram, SpendEntry.Deepgram, null, minutes, (decimal)minutes * pricing.Value.DeepgramUsdPerMinute, cancellationToken);
    }

    // A model's answer: usage.cost as OpenRouter reports it, else its tokens × Pricing:Models. A failed call carries no usage.
    public Task<string?> BillAnswerAsync(JobRecord job, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome is not ModelOutcome.Succeeded ok)
        {
            return Task.FromResult<string?>(null);
        }
        return BillAsync(job, $"{SpendEntry.ModelCall}:{ok.Prompt}|{ok.Model}", SpendEntry.ModelCall, ok.Model, null, CostOf(ok), cancellationToken);
    }

    // A follow-up question's answer, once per question (its key), under its video's job and its asker: it counts
    // against the server's month like the rest. The 80% notice belongs to a video's status, so a question claims none.
    public async Task BillQuestionAsync(QuestionRecord question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Model is not { } model)
        {
            return;
        }
        var usd = CostOf(new ModelOutcome.Succeeded("question", model, TimeSpan.Zero, 1, "", null, question.PromptTokens, question.CompletionTokens, question.Cost));
        var entry = new SpendEntry(question.JobId, $"{SpendEntry.Question}:{question.Key}", question.Platform, question.Tenant, question.AskerId,
            SpendEntry.Question, model, null, usd, limits.Now);
        if (await ledger.RecordAsync(entry, cancellationToken))
        {
            metrics.Spent(SpendEntry.Question, usd);
        }
    }

    public decimal CostOf(ModelOutcome.Succeeded outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Cost is { } reported)
        {
            return reported;
        }
        if (pricing.Value.PriceOf(outcome.Model) is { } price)
        {
            return ((outcome.PromptTokens ?? 0) * price.PromptUsdPerMillion + (outcome.CompletionTokens ?? 0) * price.CompletionUsdPerMillion) / 1_000_000m;
        }
        if (_uncostedWarned.TryAdd(outcome.Model, true))
        {
            SpendLog.UncostedCall(logger, outcome.Model);
        }
        return 0;
    }

    private async Task<string?> BillAsync(
        JobRecord job, string callKey, string kind, string? model, double? minutes, decimal usd, CancellationToken cancellationToken)
    {
        var now = limits.Now;
        var entry = new SpendEntry(job.Id, callKey, job.Platform, job.Tenant, job.RequesterId, kind, model, minutes, usd, now);
        if (!await ledger.RecordAsync(entry, cancellationToken))
        {
            return null;
        }
        metrics.Spent(kind, usd);
        if ((await limits.ForAsync(job.Platform, job.Tenant, cancellationToken)).MonthlyBudgetUsd is not { } budget)
        {
            return null;
        }
        var spent = (await limits.MonthAsync(job.Platform, job.Tenant, job.RequesterId, now, cancellationToken)).TenantUsd;
        if (spent < budget * NoticeShare || !await ledger.ClaimNoticeAsync(job.Platform, job.Tenant, UtcPeriods.MonthKey(now), job.Id, cancellationToken))
        {
            return null;
        }
        SpendLog.Notice(logger, job.Platform, job.Tenant, job.Id);
        return SpendText.Notice(SpendText.Place(job.Platform), spent, budget, now);
    }
}
