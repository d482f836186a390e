using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Chat.Slack;
using MediaAnalysis.Configuration;
using MediaAnalysis.Queue;
using MediaAnalysis.Chat.Discord.Inbound;
using MediaAnalysis.Chat.Slack.Inbound;

namespace MediaAnalysis.Chat;

// The platforms whose keys are set; a platform without them is off, not an error.
public static class ChatRegistration
{
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.SectionName);
        services.AddSingleton<WebhookBodyGate>();
        services.AddDiscordProtocol();
        if (configuration.GetSection(DiscordOptions.SectionName).Get<DiscordOptions>() is { IsEnabled: true })
        {
            services.AddSingleton<DiscordReplier>();
            services.AddSingleton<DiscordStatusMessages>();
            services.AddSingleton<IChatReplier>(sp => sp.GetRequiredService<DiscordReplier>());
            services.AddSingleton<MediaAnalysis.Queue.Questions.IQuestionReplier, DiscordQuestionReplier>();
            services.AddHostedService<DiscordWarmUp>();
        }
        services.AddSlackProtocol();
        if (configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>() is { IsEnabled: true })
        {
            services.AddSingleton<SlackReplier>();
            services.AddSingleton<SlackRequests>();
            services.AddSingleton<SlackVideoFinder>();
            services.AddSingleton<SlackCancels>();
            services.AddSingleton<SlackQuestions>();
            services.AddSingleton<IChatReplier>(sp => sp.GetRequiredService<SlackReplier>());
            services.AddSingleton<MediaAnalysis.Queue.Questions.IQuestionReplier, SlackQuestionReplier>();
        }
        return services;
    }

    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (configuration.GetSection(DiscordOptions.SectionName).Get<DiscordOptions>() is { IsEnabled: true })
        {
            endpoints.MapDiscordEndpoints();
        }
        if (configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>() is { IsEnabled: true })
        {
            endpoints.MapSlackEndpoints();
        }
        return endpoints;
    }
}
