using Microsoft.Extensions.Options;

namespace MediaAnalysis.Storage;

public static class StorageRegistration
{
    // One store, SQLite or PostgreSQL as Storage:Provider says, reachable as the whole (IJobStore) and by each of its roles.
    public static IServiceCollection AddJobStore(this IServiceCollection services)
    {
        services.AddSingleton<IJobStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
            ? ActivatorUtilities.CreateInstance<PostgresJobStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteJobStore>(sp));
        services.AddSingleton<IJobIntake>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobClaims>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobProgress>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobResults>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobMaintenance>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IQuestionStore>(sp => sp.GetRequiredService<IJobStore>() switch
        {
            SqliteJobStore sqlite => sqlite.Questions,
            PostgresJobStore postgres => postgres.Questions,
            var other => throw new InvalidOperationException($"{other.GetType().Name} keeps no questions"),
        });
        return services;
    }
}
