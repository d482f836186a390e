using System.Text;
using System.Text.Json;
using MediaAnalysis.Chat.Slack;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Chat.Slack.Inbound;
using MediaAnalysis.Chat.Slack.Rendering;

namespace MediaAnalysis.Tests.Chat.Slack;

// Every sample in shared/protocols/slack/payloads/, read through the same parsers the endpoints use.
public sealed class SlackPayloadTests
{
    private static byte[] Sample(string name) => File.ReadAllBytes(SharedFiles.Path($"protocols/slack/payloads/{name}"));

    private static T Read<T>(string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(Sample(name), type) ?? throw new InvalidOperationException(name);

    [Fact]
    public void Every_sample_is_covered_by_a_test_here()
    {
        string[] covered =
        [
            "chat_postMessage.error.docs.json", "chat_postMessage.error_invalid_auth.json", "chat_postMessage.ok.docs.json",
            "chat_postMessage.ok_with_warning.json", "event_app_mention.docs.json", "event_message_file_share_mp4.json",
            "message_action.docs.json", "message_action_files_in_attachment.json", "slash_command.docs.form.txt",
            "slash_command.signing_vector.form.txt", "url_verification.docs.json",
        ];
        var folder = Path.GetDirectoryName(SharedFiles.Path("protocols/slack/payloads/url_verification.docs.json"))!;

        Assert.Equal(covered.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Url_verification_gives_its_challenge()
    {
        var envelope = SlackForm.ReadEvent(Sample("url_verification.docs.json"))!;

        Assert.Equal(EventEnvelope.UrlVerification, envelope.Type);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", envelope.Challenge);
        Assert.Null(envelope.Event);
    }

    [Fact]
    public void An_app_mention_has_its_team_event_id_and_channel()
    {
        var envelope = SlackForm.ReadEvent(Sample("event_app_mention.docs.json"))!;

        Assert.Equal(EventEnvelope.EventCallback, envelope.Type);
        Assert.Equal("T123ABC456", envelope.TeamId);
        Assert.Equal("A123ABC456", envelope.ApiAppId);
        Assert.Equal("Ev123ABC456", envelope.EventId);
        Assert.Equal(123456789, envelope.EventTime);
        var authorization = Assert.Single(envelope.Authorizations!);
        Assert.Equal(("T123ABC456", "U123ABC456", false), (authorization.TeamId, authorization.UserId, authorization.IsBot));
        var mention = envelope.Event!;
        Assert.Equal(("app_mention", "U061F7AUR", "C123ABC456", "1515449522.000016"), (mention.Type, mention.User, mention.Channel, mention.Ts));
        Assert.Equal("1515449522000016", mention.EventTs);
        Assert.StartsWith("<@U0LAN0Z89>", mention.Text, StringComparison.Ordinal);
        Assert.Null(mention.Files);
        Assert.Null(SlackAttachmentPicker.Pick(mention).File);
    }

    [Fact]
    public void A_file_share_message_carries_the_mp4_and_its_download_url()
    {
        var envelope = SlackForm.ReadEvent(Sample("event_message_file_share_mp4.json"))!;

        var message = envelope.Event!;
        Assert.Equal(("message", "file_share", "channel"), (message.Type, message.Subtype, message.ChannelType));
        Assert.Equal(("C0123ABCDEF", "1653427243.620839", "U0123ABCDEF"), (message.Channel, message.Ts, message.User));
        Assert.Null(message.ThreadTs);
        Assert.Equal("T03CN5KTA6S", envelope.Authorizations![0].TeamId);
        Assert.True(envelope.Authorizations[0].IsBot);
        Assert.Null(envelope.Authorizations[0].EnterpriseId);
        var file = Assert.Single(message.Files!);
        Assert.Equal(("F03GDSSMC79", "Walk Cycle Animation sample.mp4", "video/mp4", "mp4", 767148L, "hosted"),
            (file.Id, file.Name, file.Mimetype, file.Filetype, file.Size!.Value, file.Mode));
        Assert.Equal("https://files.slack.com/files-pri/T03CN5KTA6S-F03GDSSMC79/download/walk_cycle_animation_sample.mp4", file.UrlPrivateDownload);
        Assert.Contains("/files-tmb/", file.UrlPrivate, StringComparison.Ordinal);
        Assert.Equal(19953, file.DurationMs);
        Assert.Same(file, SlackAttachmentPicker.Pick(message).File);
    }

    [Fact]
    public void A_message_shortcut_has_team_channel_message_and_response_url()
    {
        var payload = Read("message_action.docs.json", SlackJsonContext.Default.InteractionPayload);

        Assert.Equal((InteractionPayload.MessageAction, "chirp_message"), (payload.Type, payload.CallbackId));
        Assert.Equal(("T0MJRM1A7", "pandamonium"), (payload.Team!.Id, payload.Team.Domain));
        Assert.Equal(("D0LFFBKLZ", "cats"), (payload.Channel!.Id, payload.Channel.Name));
        Assert.Equal(("U0D15K92L", "dr_maomao"), (payload.User!.Id, payload.User.Name));
        Assert.Equal(("1516229207.000133", "U0MJRG1AL"), (payload.Message!.Ts, payload.Message.User));
        Assert.StartsWith("https://hooks.slack.com/app-actions/", payload.ResponseUrl, StringComparison.Ordinal);
        Assert.Equal("That message has no file. Share the video in Slack (not a link) and try again.", SlackAttachmentPicker.Pick(payload.Message).Refusal);
    }

    [Fact]
    public void A_shortcut_on_a_shared_message_finds_files_in_its_attachments_as_a_form_payload()
    {
        var json = Encoding.UTF8.GetString(Sample("message_action_files_in_attachment.json"));
        var form = Encoding.ASCII.GetBytes("payload=" + Uri.EscapeDataString(json));

        var payload = SlackForm.ReadInteraction(form)!;

        Assert.Equal(("message_action", "test-message-action", "T111", "U111", "seratch"),
            (payload.Type, payload.CallbackId, payload.Team!.Id, payload.User!.Id, payload.User.Username));
        Assert.Equal("1608093938.001200", payload.MessageTs);
        Assert.Null(payload.Message!.Files);
        var file = Assert.Single(Assert.Single(payload.Message.Attachments!).Files!);
        Assert.Equal(("F111", "text/plain", "snippet"), (file.Id, file.Mimetype, file.Mode));
        var pick = SlackAttachmentPicker.Pick(payload.Message);
        Assert.Null(pick.File);
        Assert.Equal("That file, -.txt (Plain Text), is not a video or audio file, so there is nothing to transcribe.", pick.Refusal);
    }

    [Fact]
    public void The_documented_slash_command_decodes_every_field()
    {
        var command = SlackForm.ReadCommand(Sample("slash_command.docs.form.txt"))!;

        Assert.Equal(("T0001", "example", "E0001"), (command.TeamId, command.TeamDomain, command.EnterpriseId));
        Assert.Equal(("C2147483705", "test", "U2147483697", "Steve"), (command.ChannelId, command.ChannelName, command.UserId, command.UserName));
        Assert.Equal(("/weather", "94070"), (command.Command, command.Text));
        Assert.Equal("https://hooks.slack.com/commands/1234/5678", command.ResponseUrl);
        Assert.Equal(("13345224609.738474920.8088930838d88f008e0", "A123456"), (command.TriggerId, command.ApiAppId));
        Assert.Equal("Globular Construct Inc", SlackForm.Parse(Sample("slash_command.docs.form.txt"))["enterprise_name"]);
    }

    [Fact]
    public void The_signing_vector_form_decodes_percent_escapes_and_an_empty_text()
    {
        var command = SlackForm.ReadCommand(Sample("slash_command.signing_vector.form.txt"))!;

        Assert.Equal(("/webhook-collect", ""), (command.Command, command.Text));
        Assert.Equal("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", command.ResponseUrl);
        Assert.Equal(("T1DC2JH3J", "G8PSS9T3V", "U2CERLKJA"), (command.TeamId, command.ChannelId, command.UserId));
        Assert.Null(command.ApiAppId);
    }

    [Fact]
    public void Plus_signs_in_a_form_are_spaces_and_a_command_without_ids_is_refused()
    {
        var command = SlackForm.ReadCommand("team_id=T1&channel_id=C1&user_id=U1&command=%2Fanalyze&text=look+at+this%2Bthat"u8)!;

        Assert.Equal("look at this+that", command.Text);
        Assert.Null(SlackForm.ReadCommand("team_id=T1&channel_id=C1&command=%2Fanalyze"u8));
        Assert.True(SlackForm.IsSslCheck(SlackForm.Parse("ssl_check=1&token=abc"u8)));
        Assert.Null(SlackForm.ReadInteraction("payload=%7Bnot+json"u8));
        Assert.Null(SlackForm.ReadInteraction("nothing=here"u8));
        Assert.Null(SlackForm.ReadEvent("<html>"u8));
    }

    [Fact]
    public void A_cancel_click_gives_the_job_id_and_where_the_message_is()
    {
        const string json = """
            {"type":"block_actions","user":{"id":"U0ANA","username":"ana","name":"ana","team_id":"T9"},"api_app_id":"A1",
             "container":{"type":"message","message_ts":"1712345678.000100","channel_id":"C0FAKECHAN","is_ephemeral":false,"thread_ts":"1712345600.000100"},
             "trigger_id":"1.2.3","team":{"id":"T9","domain":"team"},"channel":{"id":"C0FAKECHAN","name":"general"},
             "message":{"type":"message","user":"U0BOT","ts":"1712345678.000100","thread_ts":"1712345600.000100","text":"status","blocks":[]},
             "response_url":"https://hooks.slack.com/actions/T9/1/abc",
             "actions":[{"action_id":"cancel_job","block_id":"b1","text":{"type":"plain_text","text":"Cancel"},"value":"job-42","style":"danger","type":"button","action_ts":"1712345690.1"}]}
            """;

        var payload = SlackForm.ReadInteraction(Encoding.ASCII.GetBytes("payload=" + Uri.EscapeDataString(json)))!;

        Assert.Equal(InteractionPayload.BlockActions, payload.Type);
        Assert.Equal("job-42", SlackRenderer.CancelledJobId(payload.Actions![0]));
        Assert.Equal(("C0FAKECHAN", "1712345678.000100", "1712345600.000100"), (payload.Container!.ChannelId, payload.Container.MessageTs, payload.Container.ThreadTs));
        Assert.Equal(("T9", "U0ANA"), (payload.Team!.Id, payload.User!.Id));
        Assert.Null(SlackRenderer.CancelledJobId(new BlockAction { ActionId = "other", Value = "job-42" }));
    }

    [Fact]
    public void Chat_answers_read_ok_ts_errors_and_warnings()
    {
        var ok = Read("chat_postMessage.ok.docs.json", SlackJsonContext.Default.ChatResponse);
        var error = Read("chat_postMessage.error.docs.json", SlackJsonContext.Default.ChatResponse);
        var invalidAuth = Read("chat_postMessage.error_invalid_auth.json", SlackJsonContext.Default.ApiResponse);
        var warned = Read("chat_postMessage.ok_with_warning.json", SlackJsonContext.Default.ChatResponse);

        Assert.Equal((true, "C1H9RESGL", "1503435956.000247"), (ok.Ok, ok.Channel, ok.Ts));
        Assert.Equal(("bot_message", "B19LU7CSY"), (ok.Message!.Subtype, ok.Message.BotId));
        Assert.Equal((false, "too_many_attachments"), (error.Ok, error.Error));
        Assert.Equal((false, "invalid_auth"), (invalidAuth.Ok, invalidAuth.Error));
        Assert.Equal((true, "missing_charset", "1640000150.000000"), (warned.Ok, warned.Warning, warned.Ts));
        Assert.Equal(["missing_charset"], warned.ResponseMetadata!.Warnings!);
    }

    [Fact]
    public void Bodies_we_send_use_slack_names_and_leave_nulls_out()
    {
        var body = new ChatBody
        {
            Channel = "C1",
            ThreadTs = "1.2",
            Text = "fallback",
            Blocks =
            [
                new HeaderBlock { Text = TextObject.Plain("Summary · gpt") },
                new SectionBlock { Text = TextObject.Markdown("*hi*") },
                new ContextBlock { Elements = [TextObject.Markdown("1 s")] },
                new ActionsBlock { Elements = [new ButtonElement { Text = TextObject.Plain("Cancel"), ActionId = "cancel_job", Value = "j", Style = ButtonElement.Danger }] },
            ],
        };

        var json = JsonSerializer.Serialize(body, SlackJsonContext.Default.ChatBody);

        Assert.Equal(
            """{"channel":"C1","thread_ts":"1.2","text":"fallback","blocks":[{"type":"header","text":{"type":"plain_text","text":"Summary \u00B7 gpt","emoji":true}},"""
            + """{"type":"section","text":{"type":"mrkdwn","text":"*hi*"}},{"type":"context","elements":[{"type":"mrkdwn","text":"1 s"}]},"""
            + """{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Cancel","emoji":true},"action_id":"cancel_job","value":"j","style":"danger"}]}]}""",
            json);
        using var document = JsonDocument.Parse(json);
        Assert.Empty(FakeSlackBlockRules.Check("fallback", document.RootElement.GetProperty("blocks")));
    }
}
