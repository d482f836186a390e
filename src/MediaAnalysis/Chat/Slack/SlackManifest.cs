using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MediaAnalysis.Chat.Slack;

// The app manifest to paste at api.slack.com/apps (Create New App > From a manifest): the slash command, the
// message shortcut, the bot scopes and events, and the three request URLs under the public base URL.
public static class SlackManifest
{
    public const string AppName = "MediaAnalysis";
    public const string Command = "/analyze";
    public const string ShortcutCallbackId = "analyze_video";
    public const string ShortcutName = "Analyze video";
    public const string CommandsPath = "/slack/commands";
    public const string EventsPath = "/slack/events";
    public const string InteractivityPath = "/slack/interactivity";

    // users:read tells workspace admins (who may cancel any job); channels:read and groups:read list a linked
    // message's channel members (conversations.members), so a link works only for people in that channel.
    public static readonly IReadOnlyList<string> BotScopes =
        ["commands", "chat:write", "files:read", "files:write", "app_mentions:read", "channels:history", "groups:history",
         "users:read", "channels:read", "groups:read"];

    // message.* events need the matching *:history scope.
    public static readonly IReadOnlyList<string> BotEvents = ["app_mention", "message.channels", "message.groups"];

    public static string Build(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri || (publicBaseUrl.Scheme != Uri.UriSchemeHttps && publicBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The public base URL must be an absolute http(s) URL.", nameof(publicBaseUrl));
        }
        var root = publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        // Relaxed escaping keeps quotes readable for the person pasting it; it is never embedded in HTML.
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("display_information");
            json.WriteString("name", AppName);
            json.WriteString("description", "Transcribes a video and asks several models about it");
            json.WriteString("long_description",
                "Use the \"Analyze video\" shortcut on a message with a video, mention the bot in the message that shares one, or run /analyze "
                + "to analyze the channel's latest video. The bot transcribes the audio, asks each configured model each prompt, and replies in the "
                + "video's thread with a live status message, one reply per answer, and the transcript as a file.");
            json.WriteEndObject();

            json.WriteStartObject("features");
            json.WriteStartObject("bot_user");
            json.WriteString("display_name", AppName);
            json.WriteBoolean("always_online", true);
            json.WriteEndObject();
            json.WriteStartArray("slash_commands");
            json.WriteStartObject();
            json.WriteString("command", Command);
            json.WriteString("url", root + CommandsPath);
            json.WriteString("description", "Analyze the latest video in this channel, or the linked message's video");
            json.WriteString("usage_hint", "[message link]");
            json.WriteBoolean("should_escape", false);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("shortcuts");
            json.WriteStartObject();
            json.WriteString("name", ShortcutName);
            json.WriteString("type", "message");
            json.WriteString("callback_id", ShortcutCallbackId);
            json.WriteString("description", "Transcribe and analyze the video in this message");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject("oauth_config");
            json.WriteStartObject("scopes");
            WriteArray(json, "bot", BotScopes);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("settings");
            json.WriteStartObject("event_subscriptions");
            json.WriteString("request_url", root + EventsPath);
            WriteArray(json, "bot_events", BotEvents);
            json.WriteEndObject();
            json.WriteStartObject("interactivity");
            json.WriteBoolean("is_enabled", true);
            json.WriteString("request_url", root + InteractivityPath);
            json.WriteEndObject();
            json.WriteBoolean("org_deploy_enabled", false);
            json.WriteBoolean("socket_mode_enabled", false);
            json.WriteBoolean("token_rotation_enabled", false);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
