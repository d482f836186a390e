using MediaAnalysis.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Chat.Slack.Inbound;

namespace MediaAnalysis.Chat.Slack;

public static class SlackRegistration
{
    // Options, the signature verifier, the shared per-channel pacer and the typed Web API client.
    public static IServiceCollection AddSlackProtocol(this IServiceCollection services)
    {
        services.AddValidatedOptions<SlackOptions>(SlackOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackChannelPacer>();
        // Per-try timeouts come from SlackOptions; HttpClient's own is off. No redirects: a redirect would be the
        // only way for a request to reach a host the bot token was not meant for.
        services.AddHttpClient<SlackApiClient>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        return services;
    }
}
