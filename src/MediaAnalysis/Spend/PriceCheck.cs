using MediaAnalysis.Pipeline.Analysis;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Spend;

// At start: a model the budget cannot see (no price in Pricing:Models, and an endpoint other than OpenRouter, which
// reports usage.cost) is named in the log. A call that answers without a cost is logged once more when it happens.
public sealed class PriceCheck(
    IOptions<AnalysisOptions> analysis,
    IOptions<OpenRouterOptions> openRouter,
    IOptions<PricingOptions> pricing,
    ILogger<PriceCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = Uri.TryCreate(openRouter.Value.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : openRouter.Value.BaseUrl;
        if (endpoint.EndsWith("openrouter.ai", StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }
        foreach (var model in analysis.Value.EffectiveModels.Where(m => pricing.Value.PriceOf(m) is null))
        {
            SpendLog.UnpricedModel(logger, model, endpoint);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
