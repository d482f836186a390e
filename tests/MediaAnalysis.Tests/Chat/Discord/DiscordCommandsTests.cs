using System.Text.Json;
using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Fakes.Discord;
using MediaAnalysis.Chat.Discord.Api;

namespace MediaAnalysis.Tests.Chat.Discord;

public sealed class DiscordCommandsTests
{
    [Fact]
    public void Analyze_takes_one_required_video_or_audio_attachment()
    {
        var analyze = Assert.Single(DiscordCommands.All, c => c.Type == ApplicationCommandType.ChatInput && c.Name == "analyze");

        Assert.Equal("analyze", analyze.Name);
        Assert.InRange(analyze.Description!.Length, 1, 100);
        var option = analyze.Options![0];
        Assert.Equal(CommandOptionType.Attachment, option.Type);
        Assert.Equal("video", option.Name);
        Assert.True(option.Required);
        Assert.Equal(["video", "audio"], option.FileTypes!);
    }

    [Fact]
    public void Analyze_has_an_optional_language_of_at_most_25_codes_including_detect()
    {
        var analyze = Assert.Single(DiscordCommands.All, c => c.Type == ApplicationCommandType.ChatInput && c.Name == "analyze");
        var option = Assert.Single(analyze.Options!, o => o.Name == "language");

        Assert.Equal(CommandOptionType.String, option.Type);
        Assert.NotEqual(true, option.Required);
        Assert.InRange(option.Choices!.Count, 2, 25);
        Assert.Contains(option.Choices, c => c.Value == "detect");
        Assert.Contains(option.Choices, c => (c.Name, c.Value) == ("German", "de"));
        Assert.Contains(option.Choices, c => c.Value == "pt-BR");
        Assert.Equal(option.Choices.Count, option.Choices.Select(c => c.Value).Distinct().Count());
    }

    [Fact]
    public void Analyze_video_is_a_message_command_without_description_or_options()
    {
        var command = Assert.Single(DiscordCommands.All, c => c.Type == ApplicationCommandType.Message);

        Assert.Equal("Analyze video", command.Name);
        Assert.Null(command.Description);
        Assert.Null(command.Options);
    }

    [Fact]
    public void Both_are_for_guild_installs_in_servers_for_members_who_may_post()
    {
        Assert.All(DiscordCommands.All.Where(c => c.Name is "analyze" or "Analyze video"), c =>
        {
            Assert.Equal([0], c.IntegrationTypes!);
            Assert.Equal([InteractionContextType.Guild], c.Contexts!);
            Assert.Equal("2048", c.DefaultMemberPermissions);
        });
    }

    [Fact]
    public void Usage_is_for_everyone_in_servers_with_no_options()
    {
        var usage = Assert.Single(DiscordCommands.All, c => c.Name == "usage");

        Assert.Equal(ApplicationCommandType.ChatInput, usage.Type);
        Assert.Null(usage.DefaultMemberPermissions);
        Assert.Null(usage.Options);
        Assert.Equal([0], usage.IntegrationTypes!);
        Assert.Equal([InteractionContextType.Guild], usage.Contexts!);
        Assert.InRange(usage.Description!.Length, 1, 100);
    }

    [Fact]
    public void The_wire_form_has_the_fields_of_the_constructed_sample_and_passes_Discords_rules()
    {
        var json = JsonSerializer.Serialize(DiscordCommands.All, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        using var ours = JsonDocument.Parse(json);
        using var sample = JsonDocument.Parse(File.ReadAllText(SharedFiles.Path("protocols/discord/payloads/commands-bulk-overwrite.CONSTRUCTED.json")));

        Assert.Null(FakeDiscordCommandRules.Check(ours.RootElement));
        Assert.Null(FakeDiscordCommandRules.Check(sample.RootElement));
        for (var i = 0; i < 2; i++)
        {
            var expected = sample.RootElement[i].EnumerateObject().Select(p => p.Name).ToHashSet();
            var actual = ours.RootElement[i].EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.Subset(actual, expected);
        }
        Assert.Equal(
            """{"type":11,"name":"video","description":"The video (or audio) file to analyze","required":true,"file_types":["video","audio"]}""",
            ours.RootElement[0].GetProperty("options")[0].GetRawText());
    }
}
