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

    // Counted once answered, and only when the answer is a success: a request that failed its signature (401),
    // was too big, too slow or malformed (4xx) is anyone on the internet, and must not keep the machine awake.
    public static IApplicationBuilder UseActivityTracking(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (ActivityTracker.Counts(context.Request.Path) && context.Response.StatusCode < 400)
        {
            context.RequestServices.GetRequiredService<ActivityTracker>().Touch();
        }
    });
}
