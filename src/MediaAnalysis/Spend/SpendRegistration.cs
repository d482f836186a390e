using MediaAnalysis.Configuration;
using MediaAnalysis.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaAnalysis.Spend;

public static class SpendRegistration
{
    // Per-server limits come from the settings when those are registered first; else only the operator's Limits:* apply.
    public static IServiceCollection AddSpend(this IServiceCollection services)
    {
        services.AddValidatedOptions<PricingOptions>(PricingOptions.SectionName);
        services.TryAddSingleton<ITenantLimitsSource, OperatorOnlyLimits>();
        services.AddSingleton<SpendLimits>();
        services.AddSingleton<SpendGate>();
        services.AddSingleton<SpendMeter>();
        services.AddSingleton<PriceCoverage>();
        services.AddSingleton<SpendOverview>();
        services.AddHostedService<PriceCheck>();
        return services;
    }
}
