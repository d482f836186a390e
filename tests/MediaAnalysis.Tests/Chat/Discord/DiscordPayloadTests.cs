using System.Text.Json;
using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Rendering;

namespace MediaAnalysis.Tests.Chat.Discord;

// Every sample in shared/protocols/discord/payloads parses with the source-generated context.
public sealed class DiscordPayloadTests
{
    private static readonly Dictionary<string, Action<string>> Parsers = new(StringComparer.Ordinal)
    {
        ["ping.interactions-js-fixture.json"] = json => Assert.Equal(InteractionType.Ping, Interaction(json).Type),
        ["slash-command.docs-example.json"] = json => Assert.Equal(InteractionType.ApplicationCommand, Interaction(json).Type),
        ["message-command.docs-example.json"] = json => Assert.Equal(ApplicationCommandType.Message, Interaction(json).Data?.Type),
        ["chat-input-analyze-attachment.CONSTRUCTED.json"] = json => Assert.Equal("analyze", Interaction(json).Data?.Name),
        ["message-command-video.CONSTRUCTED.json"] = json => Assert.Equal("Analyze video", Interaction(json).Data?.Name),
        ["commands-bulk-overwrite.CONSTRUCTED.json"] = json =>
            Assert.Equal(2, JsonSerializer.Deserialize(json, DiscordJsonContext.Default.IReadOnlyListApplicationCommand)!.Count),
        ["429-global.docs-example.json"] = json => Assert.True(JsonSerializer.Deserialize(json, DiscordJsonContext.Default.RateLimitBody)!.Global),
        ["429-user-rate-limit.docs-example.json"] = json => Assert.False(JsonSerializer.Deserialize(json, DiscordJsonContext.Default.RateLimitBody)!.Global),
        ["error-10062-unknown-interaction.observed.json"] = json => Assert.Equal(10062, Error(json).Code),
        ["error-50001-missing-access.observed.json"] = json => Assert.Equal(50001, Error(json).Code),
        ["error-50014-simple.docs-example.json"] = json => Assert.Equal(50014, Error(json).Code),
        ["error-50035-invalid-form-body.docs-example.json"] = json => Assert.Equal(50035, Error(json).Code),
    };

    public static TheoryData<string> Samples() => [.. Parsers.Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_parses(string file) => Parsers[file](Read(file));

    [Fact]
    public void Every_json_sample_in_the_folder_has_a_parser_here()
    {
        var folder = Path.GetDirectoryName(SharedFiles.Path("protocols/discord/payloads/README.md"))!;
        var files = Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Parsers.Keys.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void The_analyze_command_leads_from_the_option_to_the_resolved_attachment()
    {
        var interaction = Interaction(Read("chat-input-analyze-attachment.CONSTRUCTED.json"));

        var option = Assert.Single(interaction.Data!.Options!, o => o.Type == CommandOptionType.Attachment);
        Assert.Equal("video", option.Name);
        var attachment = interaction.Data.Resolved!.Attachments![option.StringValue!];
        Assert.Equal("customer-call.mp4", attachment.Filename);
        Assert.Equal(7340032, attachment.Size);
        Assert.Equal("video/mp4", attachment.ContentType);
        Assert.True(attachment.Ephemeral);
        Assert.Null(attachment.DurationSecs);
        Assert.StartsWith("https://cdn.discordapp.com/ephemeral-attachments/", attachment.Url, StringComparison.Ordinal);
        Assert.Contains("&hm=", attachment.Url, StringComparison.Ordinal);
        Assert.Equal("1300000000000000300", interaction.Invoker!.Id);
        Assert.Equal("Alice", interaction.Invoker.DisplayName);
        Assert.Equal("1300000000000000200", interaction.EffectiveChannelId);
        Assert.Equal(ChannelType.GuildText, interaction.Channel!.Type);
        Assert.Equal(InteractionContextType.Guild, interaction.Context);
        Assert.Equal(10485760, interaction.AttachmentSizeLimit);
        Assert.True(interaction.IsGuildInstalled);
        Assert.True(DiscordPermissions.Has(interaction.AppPermissions, DiscordPermissions.ForThread));
        Assert.Equal(DiscordPermissions.Install, ulong.Parse(interaction.AppPermissions!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("pricing objections", interaction.Data.Options![1].StringValue);
    }

    [Fact]
    public void The_message_command_leads_from_target_id_to_the_video()
    {
        var interaction = Interaction(Read("message-command-video.CONSTRUCTED.json"));

        var message = interaction.Data!.Resolved!.Messages![interaction.Data.TargetId!];
        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal("demo.mp4", attachment.Filename);
        Assert.Equal(5242880, attachment.Size);
        Assert.Equal("1300000000000000200", message.ChannelId);
        Assert.Equal("alice", message.Author!.Username);
        Assert.Null(attachment.Ephemeral);
    }

    [Fact]
    public void The_docs_examples_have_no_view_channel_so_no_thread()
    {
        var interaction = Interaction(Read("message-command.docs-example.json"));

        Assert.Empty(interaction.Data!.Resolved!.Messages![interaction.Data.TargetId!].Attachments!);
        Assert.False(DiscordPermissions.Has(interaction.AppPermissions, DiscordPermissions.ForThread));
        Assert.True(DiscordPermissions.Has(interaction.AppPermissions, DiscordPermissions.EmbedLinks | DiscordPermissions.AttachFiles));
        Assert.Equal("ian", interaction.Invoker!.DisplayName);
        Assert.Null(interaction.Channel);
        Assert.Equal("772908445358620702", interaction.EffectiveChannelId);
        Assert.True(interaction.IsGuildInstalled);
        Assert.Equal("The Gitrog Monster", Interaction(Read("slash-command.docs-example.json")).Data!.Options![0].StringValue);
    }

    [Fact]
    public void Error_bodies_keep_the_nested_errors_and_429s_their_wait()
    {
        var error = Error(Read("error-50035-invalid-form-body.docs-example.json"));
        var limit = JsonSerializer.Deserialize(Read("429-user-rate-limit.docs-example.json"), DiscordJsonContext.Default.RateLimitBody)!;

        Assert.Equal("Invalid Form Body", error.Message);
        Assert.Equal("BASE_TYPE_REQUIRED", error.Errors!.Value.GetProperty("access_token").GetProperty("_errors")[0].GetProperty("code").GetString());
        Assert.Equal(64.57, limit.RetryAfter);
        Assert.Null(limit.Code);
    }

    [Fact]
    public void A_button_click_carries_the_custom_id_and_the_message()
    {
        const string json = """
            {"id":"1","application_id":"2","type":3,"token":"T","version":1,"guild_id":"3",
             "channel":{"id":"4","type":0},"member":{"user":{"id":"5","username":"ana"},"permissions":"2048"},
             "data":{"custom_id":"cancel:job-42","component_type":2},"message":{"id":"6","channel_id":"4","content":"x"}}
            """;

        var interaction = Interaction(json);

        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal(ComponentType.Button, interaction.Data!.ComponentType);
        Assert.Equal("job-42", DiscordRenderer.CancelledJobId(interaction.Data.CustomId));
        Assert.Equal("6", interaction.Message!.Id);
    }

    [Fact]
    public void The_interaction_token_never_shows_in_ToString()
    {
        var interaction = Interaction(Read("chat-input-analyze-attachment.CONSTRUCTED.json"));

        Assert.DoesNotContain("A_UNIQUE_TOKEN", interaction.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Responses_serialize_in_snake_case_without_nulls()
    {
        Assert.Equal("""{"type":1}""", Json(InteractionResponse.Pong));
        Assert.Equal("""{"type":5}""", Json(InteractionResponse.Deferred));
        Assert.Equal("""{"type":6}""", Json(InteractionResponse.DeferredUpdate));
        Assert.Equal(
            """{"type":4,"data":{"content":"That file is a PDF.","allowed_mentions":{"parse":[]},"flags":64}}""",
            Json(DiscordRenderer.Ephemeral("That file is a PDF.")));
        var body = new MessageBody
        {
            Components = [Component.Row(Component.Button(ButtonStyle.Danger, "Cancel", "cancel:1", "✖️"))],
            Attachments = [new AttachmentSlot { Id = 0, Filename = "a.txt" }],
            Nonce = "n",
            EnforceNonce = true,
        };
        Assert.Equal(
            """{"components":[{"type":1,"components":[{"type":2,"style":4,"label":"Cancel","custom_id":"cancel:1","emoji":{"name":"✖️"}}]}],"attachments":[{"id":0,"filename":"a.txt"}],"nonce":"n","enforce_nonce":true}""",
            JsonSerializer.Serialize(body, DiscordJsonContext.Default.MessageBody).Replace("\\u2716\\uFE0F", "✖️", StringComparison.Ordinal));
    }

    private static string Json(InteractionResponse response) => JsonSerializer.Serialize(response, DiscordJsonContext.Default.InteractionResponse);

    private static Interaction Interaction(string json) => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction)!;

    private static ApiError Error(string json) => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.ApiError)!;

    private static string Read(string file) => File.ReadAllText(SharedFiles.Path($"protocols/discord/payloads/{file}"));
}
