namespace MediaAnalysis.Storage;

public static class StorageRegistration
{
    // One SQLite store, reachable as the whole (IJobStore) and by each of its roles.
    public static IServiceCollection AddJobStore(this IServiceCollection services)
    {
        services.AddSingleton<IJobStore, SqliteJobStore>();
        services.AddSingleton<IJobIntake>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobClaims>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobProgress>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobResults>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobMaintenance>(sp => sp.GetRequiredService<IJobStore>());
        return services;
    }
}
