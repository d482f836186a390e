using System.Net.Http.Headers;

namespace MediaAnalysis.Chat.Slack;

// Where the bot token may go when a file is downloaded: Slack:FilesBaseUrl's origin, and when that is Slack's own
// (files.slack.com), every host under slack.com over https, since Slack redirects Enterprise Grid and Slack Connect
// files to files-origin.slack.com and the like. Never to slack-edge.com or any other host a redirect names.
public static class SlackFileHosts
{
    private const string SlackDomain = "slack.com";

    public static IReadOnlyDictionary<Uri, AuthenticationHeaderValue> Tokens(string filesBaseUrl, string? botToken)
    {
        var files = new Uri(filesBaseUrl);
        var token = new AuthenticationHeaderValue("Bearer", botToken);
        var tokens = new Dictionary<Uri, AuthenticationHeaderValue> { [files] = token };
        var host = files.IdnHost.ToLowerInvariant();
        if (files.Scheme == Uri.UriSchemeHttps && files.IsDefaultPort && (host == SlackDomain || host.EndsWith("." + SlackDomain, StringComparison.Ordinal)))
        {
            tokens[new Uri($"https://{SlackDomain}/")] = token;
        }
        return tokens;
    }
}
