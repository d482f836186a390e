using MediaAnalysis.Configuration;

namespace MediaAnalysis.Lifecycle;

public static class LifecycleRegistration
{
    public static IServiceCollection AddLifecycle(this IServiceCollection services)
    {
        services.AddValidatedOptions<LifecycleOptions>(LifecycleOptions.SectionName);
        services.AddSingleton<ActivityTracker>();
        services.AddHostedService<IdleShutdownService>();
        return services;
    }

    public static IApplicationBuilder UseActivityTracking(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ActivityTracker.Counts(context.Request.Path))
        {
            context.RequestServices.GetRequiredService<ActivityTracker>().Touch();
        }
        await next(context);
    });
}
