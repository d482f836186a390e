using Microsoft.Extensions.Options;

namespace MediaAnalysis.Storage;

public static class StorageRegistration
{
    // One store, SQLite or PostgreSQL as Storage:Provider says, reachable as the whole (IJobStore) and by each of its roles.
    public static IServiceCollection AddJobStore(this IServiceCollection services)
    {
        services.AddSingleton<IJobStore>(Open);
        services.AddSingleton<IJobIntake>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobClaims>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobProgress>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobResults>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobMaintenance>(sp => sp.GetRequiredService<IJobStore>());
        // The ledger is the same store's; a store wrapped by a test (a proxy of IJobStore alone) gets a second one
        // beside it, opened only when the ledger is first used.
        services.AddSingleton<ISpendStore>(sp => sp.GetRequiredService<IJobStore>() as ISpendStore
            ?? new LazySpendStore(new Lazy<ISpendStore>(() => (ISpendStore)Open(sp))));
        services.AddSingleton<ITenantSettingsStore>(sp => sp.GetRequiredService<IJobStore>());
        // Questions are the same store's too; a wrapped store (a test's proxy) gets a second one beside it, as the ledger does.
        services.AddSingleton<IQuestionStore>(sp => Questions(sp.GetRequiredService<IJobStore>()) ?? Questions(Open(sp))!);
        return services;
    }

    private static IQuestionStore? Questions(IJobStore store) => (store as JobStore)?.Questions;

    private static IJobStore Open(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
        ? ActivatorUtilities.CreateInstance<PostgresJobStore>(sp)
        : ActivatorUtilities.CreateInstance<SqliteJobStore>(sp);
}
