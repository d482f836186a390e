using MediaAnalysis.Configuration;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Download;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue;

public static class QueueRegistration
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddValidatedOptions<QueueOptions>(QueueOptions.SectionName);
        services.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName);
        services.AddValidatedOptions<WebOptions>(WebOptions.SectionName);
        // The Limits section, once: the spend checks, the settings' ceilings and the questions all read this one type.
        services.AddValidatedOptions<LimitsOptions>(LimitsOptions.SectionName);
        services.AddJobStore();
        services.AddSingleton<Questions.QuestionDesk>();
        services.AddSingleton<Questions.QuestionRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<Questions.QuestionRunner>());
        services.AddSingleton<WorkerWakeUp>();
        services.AddSingleton<RunningJobs>();
        services.AddSingleton<ChatRepliers>();
        services.AddSingleton<JobStages>();
        services.AddSingleton<VerdictSwitch>();
        services.AddSingleton<VerdictStage>();
        services.AddSingleton<FinishRetry>();
        // Each instance's job folders under its own id, so its start deletes what it left and nobody else's.
        services.AddSingleton(sp => new TempFolders(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value.EffectiveTempPath,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueueOptions>>().Value.EffectiveInstanceId));
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        // Several instances on one store: heartbeat, rescue of lapsed leases, and the store's wake-ups.
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<MediaAnalysis.Diagnostics.IInstanceStatus, InstanceStatus>();
        services.AddHostedService<InstanceHeartbeat>();
        services.AddHostedService<StoreWakeUps>();
        // The host must wait for the drain; ShutdownGrace is read when the worker stops.
        services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<QueueOptions>>((host, queue) =>
            host.ShutdownTimeout = queue.Value.ShutdownGrace + TimeSpan.FromSeconds(15));
        return services;
    }
}
