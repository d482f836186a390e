using System.Security.Cryptography;
using System.Text;

namespace MediaAnalysis.Chat.Discord.Api;

// One REST call's identity: the path to send, the template to log and to key rate limits on, and the
// top-level resource (channel, or webhook id + token) that Discord counts separately.
internal sealed record DiscordRoute(
    HttpMethod Method,
    string Path,
    string Template,
    string MajorKey,
    bool UsesBotToken,
    bool SafeToResend)
{
    public string RouteKey => $"{Method.Method} {Template}";

    public string Display => RouteKey;

    public static DiscordRoute Channel(HttpMethod method, string channelId, string suffix, string templateSuffix, bool safeToResend) =>
        new(method, $"channels/{Escape(channelId)}{suffix}", $"/channels/{{channel}}{templateSuffix}", $"channel:{channelId}", true, safeToResend);

    // Interaction webhooks: the token is the credential, so no Authorization header; the token never reaches a log
    // or a dictionary key in clear.
    public static DiscordRoute Webhook(HttpMethod method, string applicationId, string token, string suffix, string templateSuffix, bool safeToResend) =>
        new(method, $"webhooks/{Escape(applicationId)}/{Escape(token)}{suffix}", $"/webhooks/{{application}}/{{token}}{templateSuffix}",
            $"webhook:{applicationId}:{Hash(token)}", false, safeToResend);

    public static DiscordRoute Application(HttpMethod method, string applicationId, string suffix, string templateSuffix) =>
        new(method, $"applications/{Escape(applicationId)}{suffix}", $"/applications/{{application}}{templateSuffix}",
            $"application:{applicationId}", true, true);

    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 8));
}
