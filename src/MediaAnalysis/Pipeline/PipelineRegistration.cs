using MediaAnalysis.Configuration;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Audio;
using MediaAnalysis.Pipeline.Download;
using MediaAnalysis.Pipeline.Transcription;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline;

public static class PipelineRegistration
{
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddValidatedOptions<MediaOptions>(MediaOptions.SectionName);
        services.AddValidatedOptions<DeepgramOptions>(DeepgramOptions.SectionName);
        services.AddValidatedOptions<OpenRouterOptions>(OpenRouterOptions.SectionName);
        services.AddValidatedOptions<AnalysisOptions>(AnalysisOptions.SectionName);
        services.AddSingleton(TimeProvider.System);

        // Timeouts are per try and set by each client from its options; HttpClient's own 100 s is off.
        // Downloads connect through the address guard: only to public addresses, unless told otherwise.
        services.AddSingleton<IHostResolver, SystemHostResolver>();
        services.AddSingleton<AddressGuard>();
        services.AddHttpClient<VideoDownloader>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var handler = Handler(allowRedirect: false);
                // Never through HTTP_PROXY/HTTPS_PROXY: the guard must see the file host's own address, not a proxy's.
                handler.UseProxy = false;
                handler.ConnectCallback = sp.GetRequiredService<AddressGuard>().ConnectAsync;
                return handler;
            });
        services.AddHttpClient<DeepgramClient>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => Handler(allowRedirect: true));
        services.AddHttpClient(nameof(ModelFanOut), c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => Handler(allowRedirect: true));

        services.AddSingleton<FFmpegLocator>();
        services.AddSingleton<MediaInspector>();
        services.AddSingleton<AudioExtractor>();
        services.AddSingleton<ModelFanOut>();
        services.AddSingleton<SchemaCall>();
        services.AddSingleton<VerdictWriter>();
        services.AddSingleton<MediaAnalysis.Pipeline.Questions.QuestionAnswerer>();
        services.AddSingleton<MediaSlots>();
        // A one-off run's own folder; `serve` replaces this with its instance's (QueueRegistration).
        services.TryAddSingleton(sp => new TempFolders(
            sp.GetRequiredService<IOptions<MediaOptions>>().Value.EffectiveTempPath, $"run-{Environment.ProcessId}"));
        services.AddTransient<AnalysisPipeline>();
        return services;
    }

    private static SocketsHttpHandler Handler(bool allowRedirect) => new()
    {
        AllowAutoRedirect = allowRedirect,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    };
}
