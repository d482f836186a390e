using System.Text.Json;
using MediaAnalysis.Cli;
using MediaAnalysis.Fakes.Discord;

namespace MediaAnalysis.Tests.Cli;

public sealed class VerbTests
{
    [Fact]
    public async Task Register_commands_bulk_overwrites_both_commands_in_a_guild()
    {
        await using var discord = await FakeDiscordApi.StartAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await DiscordCommand.RunAsync(
            ["register-commands", "--guild", discord.GuildId,
             $"--Discord:ApplicationId={discord.ApplicationId}", $"--Discord:BotToken={discord.BotToken}",
             $"--Discord:PublicKey={new string('a', 64)}", $"--Discord:ApiBaseUrl={discord.ApiBaseUrl}"],
            stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, exit);
        var commands = discord.Commands(discord.GuildId)!;
        Assert.Contains(commands, c => c.GetProperty("name").GetString() == "analyze" && c.GetProperty("type").GetInt32() == 1
            && c.GetProperty("options")[0].GetProperty("type").GetInt32() == 11 && c.GetProperty("options")[0].GetProperty("required").GetBoolean());
        Assert.Contains(commands, c => c.GetProperty("name").GetString() == "Analyze video" && c.GetProperty("type").GetInt32() == 3);
        Assert.Contains("permissions=309237763072", stdout.ToString());
        Assert.Empty(discord.Violations);
    }

    [Fact]
    public async Task Register_commands_without_keys_exits_2()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await DiscordCommand.RunAsync(["register-commands"], stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains("Discord:ApplicationId", stderr.ToString());
    }

    [Fact]
    public void Slack_manifest_fills_in_the_request_urls()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = SlackCommand.Run(["manifest", "--url", "https://bot.example.dev"], stdout, stderr);

        Assert.Equal(ExitCodes.Ok, exit);
        using var manifest = JsonDocument.Parse(stdout.ToString());
        var settings = manifest.RootElement.GetProperty("settings");
        Assert.Equal("https://bot.example.dev/slack/events", settings.GetProperty("event_subscriptions").GetProperty("request_url").GetString());
        Assert.Equal("https://bot.example.dev/slack/interactivity", settings.GetProperty("interactivity").GetProperty("request_url").GetString());
        Assert.Equal("https://bot.example.dev/slack/commands", manifest.RootElement.GetProperty("features").GetProperty("slash_commands")[0].GetProperty("url").GetString());
        Assert.Equal(ExitCodes.BadArguments, SlackCommand.Run(["manifest"], stdout, stderr));
    }
}
