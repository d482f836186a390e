using MediaAnalysis.Pipeline.Analysis;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Spend;

// At start: a model the budget cannot see (no price in Pricing:Models, and an endpoint other than OpenRouter, which
// reports usage.cost) is named in the log. A call that answers without a cost is logged once more when it happens;
// `/settings show` names a server's such models from the ledger (PriceCoverage).
public sealed class PriceCheck(IOptions<AnalysisOptions> analysis, PriceCoverage prices, ILogger<PriceCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (prices.EndpointReportsCost)
        {
            return Task.CompletedTask;
        }
        foreach (var model in analysis.Value.EffectiveModels.Where(m => !prices.IsPriced(m)))
        {
            SpendLog.UnpricedModel(logger, model, prices.Endpoint);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
