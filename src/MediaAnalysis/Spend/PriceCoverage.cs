using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Spend;

// The models the budget cannot see: no price in Pricing:Models and no usage.cost from the endpoint either (their
// recent calls all came back without a cost, or, never called yet, the endpoint is not OpenRouter, which reports
// it). Their calls are recorded at $0, so the spend limits do not count them.
public sealed class PriceCoverage(ISpendStore ledger, IOptions<PricingOptions> pricing, IOptions<OpenRouterOptions> openRouter)
{
    // The recent answers of a model that tell whether its endpoint reports what it costs.
    private const int RecentCalls = 20;

    // OpenRouter's own host reports usage.cost with every answer; another OpenAI-compatible endpoint may not.
    public string Endpoint => Uri.TryCreate(openRouter.Value.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : openRouter.Value.BaseUrl;

    public bool EndpointReportsCost => Endpoint.EndsWith("openrouter.ai", StringComparison.OrdinalIgnoreCase);

    public bool IsPriced(string model) => pricing.Value.PriceOf(model) is not null;

    public async Task<IReadOnlyList<string>> UnpricedAsync(IEnumerable<string> models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        var unpriced = new List<string>();
        foreach (var model in models.Where(m => !IsPriced(m)).Distinct(StringComparer.Ordinal))
        {
            var (calls, costed) = await ledger.RecentModelCallsAsync(model, RecentCalls, cancellationToken);
            if (calls > 0 ? costed == 0 : !EndpointReportsCost)
            {
                unpriced.Add(model);
            }
        }
        return unpriced;
    }
}
