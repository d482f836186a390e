using System.Text.Json;
using MediaAnalysis.Chat.Slack;

namespace MediaAnalysis.Tests.Chat.Slack;

public sealed class SlackManifestTests
{
    private static JsonElement Build(string url)
    {
        using var document = JsonDocument.Parse(SlackManifest.Build(new Uri(url)));
        return document.RootElement.Clone();
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Theory]
    [InlineData("https://bot.example.com")]
    [InlineData("https://bot.example.com/")]
    [InlineData("https://bot.example.com/?x=1#frag")]
    public void The_request_urls_hang_off_the_public_base(string url)
    {
        var manifest = Build(url);

        var features = manifest.GetProperty("features");
        var command = Assert.Single(features.GetProperty("slash_commands").EnumerateArray());
        Assert.Equal(("/analyze", "https://bot.example.com/slack/commands"), (command.GetProperty("command").GetString(), command.GetProperty("url").GetString()));
        Assert.Equal("[message link]", command.GetProperty("usage_hint").GetString());
        var settings = manifest.GetProperty("settings");
        Assert.Equal("https://bot.example.com/slack/events", settings.GetProperty("event_subscriptions").GetProperty("request_url").GetString());
        Assert.Equal("https://bot.example.com/slack/interactivity", settings.GetProperty("interactivity").GetProperty("request_url").GetString());
        Assert.True(settings.GetProperty("interactivity").GetProperty("is_enabled").GetBoolean());
        Assert.False(settings.GetProperty("org_deploy_enabled").GetBoolean());
        Assert.False(settings.GetProperty("socket_mode_enabled").GetBoolean());
    }

    [Fact]
    public void A_path_prefix_is_kept()
    {
        var manifest = Build("https://example.com/bots/media/");

        Assert.Equal("https://example.com/bots/media/slack/events",
            manifest.GetProperty("settings").GetProperty("event_subscriptions").GetProperty("request_url").GetString());
    }

    [Fact]
    public void It_names_the_app_shortcut_scopes_and_events()
    {
        var manifest = Build("https://bot.example.com");

        Assert.Equal("MediaAnalysis", manifest.GetProperty("display_information").GetProperty("name").GetString());
        Assert.InRange(manifest.GetProperty("display_information").GetProperty("description").GetString()!.Length, 1, 140);
        Assert.InRange(manifest.GetProperty("display_information").GetProperty("long_description").GetString()!.Length, 175, 4000);
        Assert.Equal("MediaAnalysis", manifest.GetProperty("features").GetProperty("bot_user").GetProperty("display_name").GetString());
        var shortcut = Assert.Single(manifest.GetProperty("features").GetProperty("shortcuts").EnumerateArray());
        Assert.Equal(("Analyze video", "message", "analyze_video"),
            (shortcut.GetProperty("name").GetString(), shortcut.GetProperty("type").GetString(), shortcut.GetProperty("callback_id").GetString()));
        Assert.Equal(["commands", "chat:write", "files:read", "files:write", "app_mentions:read", "channels:history", "groups:history",
                "users:read", "channels:read", "groups:read"],
            Strings(manifest.GetProperty("oauth_config").GetProperty("scopes").GetProperty("bot")));
        Assert.Equal(["app_mention", "message.channels", "message.groups"],
            Strings(manifest.GetProperty("settings").GetProperty("event_subscriptions").GetProperty("bot_events")));
    }

    [Fact]
    public void The_text_is_readable_for_the_person_pasting_it()
    {
        var json = SlackManifest.Build(new Uri("https://bot.example.com"));

        Assert.Contains("""\"Analyze video\" shortcut""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0022", json, StringComparison.Ordinal);
        Assert.Contains("\n", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://bot.example.com")]
    [InlineData("/relative")]
    public void Only_an_absolute_http_url_is_taken(string url) =>
        Assert.Throws<ArgumentException>(() => SlackManifest.Build(new Uri(url, UriKind.RelativeOrAbsolute)));
}
