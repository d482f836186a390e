using MediaAnalysis.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Inbound;

namespace MediaAnalysis.Chat.Discord;

public static class DiscordRegistration
{
    // Options, the signature verifier, the shared rate limiter and the typed REST client.
    public static IServiceCollection AddDiscordProtocol(this IServiceCollection services)
    {
        services.AddValidatedOptions<DiscordOptions>(DiscordOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DiscordSignatureVerifier>();
        services.AddSingleton<DiscordRateLimiter>();
        // Per-try timeouts come from DiscordOptions.RequestTimeout; HttpClient's own is off.
        services.AddHttpClient<DiscordApiClient>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        return services;
    }
}
