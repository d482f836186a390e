namespace MediaAnalysis.Web;

public static class WebRegistration
{
    public static IServiceCollection AddResultPages(this IServiceCollection services)
    {
        services.AddSingleton<ResultPageLoader>();
        return services;
    }
}
