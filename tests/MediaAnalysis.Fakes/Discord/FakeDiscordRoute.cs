namespace MediaAnalysis.Fakes.Discord;

// A request path matched to one of the routes the fake serves. Major is the top-level resource Discord
// keys its rate limits on (channel id, or webhook id + token).
public sealed record FakeDiscordRoute(string Kind, string Template, string Bucket, string Major, bool BotAuth)
{
    public string? Channel { get; init; }

    public string? MessageId { get; init; }

    public string? Application { get; init; }

    public string? Token { get; init; }

    public string? Guild { get; init; }

    public static FakeDiscordRoute? Match(string method, string path)
    {
        var s = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        return (method.ToUpperInvariant(), s) switch
        {
            ("POST", ["webhooks", var app, var token]) =>
                new("followup-create", "/webhooks/{app}/{token}", "interaction-webhook", $"{app}:{token}", false) { Application = app, Token = token },
            ("PATCH", ["webhooks", var app, var token, "messages", var id]) =>
                new("webhook-edit", "/webhooks/{app}/{token}/messages/" + (id == "@original" ? "@original" : "{message}"), "interaction-webhook", $"{app}:{token}", false)
                { Application = app, Token = token, MessageId = id },
            ("GET", ["webhooks", var app, var token, "messages", var id]) =>
                new("webhook-get", "/webhooks/{app}/{token}/messages/" + (id == "@original" ? "@original" : "{message}"), "interaction-webhook", $"{app}:{token}", false)
                { Application = app, Token = token, MessageId = id },
            ("GET", ["channels", var channel]) =>
                new("channel-get", "/channels/{channel}", "channel-get", channel, true) { Channel = channel },
            ("PUT", ["channels", var channel, "thread-members", var user]) =>
                new("thread-member-add", "/channels/{channel}/thread-members/{user}", "thread-members", channel, true) { Channel = channel, MessageId = user },
            ("POST", ["channels", var channel, "messages"]) =>
                new("message-create", "/channels/{channel}/messages", "message-create", channel, true) { Channel = channel },
            ("PATCH", ["channels", var channel, "messages", var id]) =>
                new("message-edit", "/channels/{channel}/messages/{message}", "message-edit", channel, true) { Channel = channel, MessageId = id },
            ("POST", ["channels", var channel, "messages", var id, "threads"]) =>
                new("thread-create", "/channels/{channel}/messages/{message}/threads", "thread-create", channel, true) { Channel = channel, MessageId = id },
            ("PUT", ["applications", var app, "commands"]) =>
                new("commands", "/applications/{app}/commands", "commands", app, true) { Application = app },
            ("PUT", ["applications", var app, "guilds", var guild, "commands"]) =>
                new("commands", "/applications/{app}/guilds/{guild}/commands", "commands", $"{app}:{guild}", true) { Application = app, Guild = guild },
            _ => null,
        };
    }

    // For messages about a request: the webhook token is replaced, as the bot must do in its own logs.
    public static string Redact(string path)
    {
        var s = path.Split('/');
        if (s.Length > 3 && s[1] == "webhooks")
        {
            s[3] = "{token}";
        }
        return string.Join('/', s);
    }
}
