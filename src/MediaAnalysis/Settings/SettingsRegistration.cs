using MediaAnalysis.Jobs;

namespace MediaAnalysis.Settings;

public static class SettingsRegistration
{
    // Before the spend checks' TryAdd of their operator-only default: a server's own limits come from its settings.
    public static IServiceCollection AddServerSettings(this IServiceCollection services)
    {
        services.AddSingleton<SettingsRules>();
        services.AddSingleton<ServerSettings>();
        services.AddSingleton<SettingsSnapshots>();
        services.AddSingleton<ITenantLimitsSource, SettingsLimitsSource>();
        return services;
    }
}
