using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Chat.Slack.Rendering;

namespace MediaAnalysis.Tests.Chat.Slack;

// Methods, headers, bodies and Slack's answers, against the fake on a real socket.
public sealed class SlackApiClientTests : IAsyncLifetime
{
    private const string Channel = SlackApiHarness.Channel;
    private SlackApiHarness _h = null!;

    public async Task InitializeAsync() => _h = await SlackApiHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_post_sends_json_with_charset_and_the_bearer_token_and_returns_the_ts()
    {
        IReadOnlyList<Block> blocks = [new SectionBlock { Text = TextObject.Markdown("*hello*") }];

        var ts = await _h.Client.PostMessageAsync(Channel, "1712345600.000100", "hello", blocks, default);

        Assert.Matches(@"^\d{10}\.\d{6}$", ts);
        var request = Assert.Single(_h.Fake.Requests);
        Assert.Equal(("chat.postMessage", "POST", "/api/chat.postMessage"), (request.Name, request.HttpMethod, request.Path));
        Assert.Equal($"Bearer {_h.Fake.BotToken}", request.Header("Authorization"));
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var json = request.Json!.Value;
        Assert.Equal((Channel, "1712345600.000100", "hello"), (json.GetProperty("channel").GetString(), json.GetProperty("thread_ts").GetString(), json.GetProperty("text").GetString()));
        Assert.False(json.GetProperty("unfurl_links").GetBoolean());
        Assert.False(json.TryGetProperty("ts", out _));
        Assert.DoesNotContain(_h.Fake.BotToken, request.BodyText, StringComparison.Ordinal);
        var message = _h.Fake.Message(Channel, ts)!;
        Assert.Equal(("1712345600.000100", "*hello*"), (message.ThreadTs, message.TextsOf("section")[0]));
        Assert.Empty(_h.Fake.Violations);
    }

    [Fact]
    public async Task An_update_edits_the_message_and_an_empty_block_list_removes_the_button()
    {
        var ts = await _h.Client.PostMessageAsync(Channel, null, "status", [new ActionsBlock
        {
            Elements = [new ButtonElement { Text = TextObject.Plain("Cancel"), ActionId = SlackRenderer.CancelActionId, Value = "j1", Style = ButtonElement.Danger }],
        }], default);
        Assert.True(_h.Fake.Message(Channel, ts)!.HasButton(SlackRenderer.CancelActionId));

        await _h.Client.UpdateMessageAsync(Channel, ts, "done", [], default);

        var message = _h.Fake.Message(Channel, ts)!;
        Assert.Equal(("done", 1), (message.Text, message.Version));
        Assert.False(message.HasButton(SlackRenderer.CancelActionId));
        Assert.Equal("[]", _h.Fake.RequestsFor("chat.update")[0].Json!.Value.GetProperty("blocks").GetRawText());
        Assert.Empty(_h.Fake.Violations);
    }

    [Fact]
    public async Task Updating_an_unknown_message_fails_with_slacks_error()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() => _h.Client.UpdateMessageAsync(Channel, "1.000001", "x", null, default));

        Assert.Equal(("chat.update", "message_not_found", 200), (error.Method, error.Error, error.Status));
    }

    [Fact]
    public async Task An_ephemeral_message_goes_to_one_person()
    {
        var ts = await _h.Client.PostEphemeralAsync(Channel, "U0ANA", "That file is a PDF.", default);

        var message = Assert.Single(_h.Fake.Messages);
        Assert.Equal((ts, "U0ANA", "That file is a PDF."), (message.Ts, message.EphemeralFor, message.Text));
        Assert.Empty(_h.Fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task A_response_url_gets_the_message_without_the_token()
    {
        var url = _h.Fake.NewResponseUrl();

        await _h.Client.RespondAsync(url, "Working on it <now> & soon", ephemeral: true, default);
        await _h.Client.RespondAsync(url, "Posted.", ephemeral: false, default);

        var responses = _h.Fake.Responses;
        Assert.Equal(("Working on it <now> & soon", "ephemeral", false), (responses[0].Text, responses[0].ResponseType, responses[0].ReplaceOriginal));
        Assert.Equal("in_channel", responses[1].ResponseType);
        Assert.All(_h.Fake.RequestsFor("response_url"), r => Assert.Null(r.Header("Authorization")));
        Assert.Empty(_h.Fake.Violations);
    }

    [Theory]
    [InlineData("https://evil.example.com/hooks/1")]
    [InlineData("https://hooks.slack.com.evil.example/x")]
    [InlineData("http://hooks.slack.com/commands/1")]
    [InlineData("not a url")]
    public async Task A_response_url_off_slack_is_refused_without_a_request(string url)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Client.RespondAsync(url, "x", ephemeral: true, default));

        Assert.Empty(_h.Fake.Requests);
    }

    [Fact]
    public async Task A_used_up_response_url_fails_with_slacks_word_for_it()
    {
        var url = _h.Fake.NewResponseUrl();
        for (var i = 0; i < 5; i++)
        {
            await _h.Client.RespondAsync(url, $"#{i}", ephemeral: true, default);
        }

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _h.Client.RespondAsync(url, "sixth", ephemeral: true, default));

        Assert.Equal(("used_url", 404), (error.Error, error.Status));
    }

    [Fact]
    public async Task History_pages_newest_first_with_a_cursor()
    {
        var video = _h.Fake.HostFile("a.mp4", [1, 2, 3]);
        var oldest = _h.Fake.PostUserMessage(Channel, "U0ANA", "first");
        var withVideo = _h.Fake.PostUserMessage(Channel, "U0ANA", "the video", video);
        var botTs = await _h.Client.PostMessageAsync(Channel, null, "bot says", null, default);
        await _h.Client.PostMessageAsync(Channel, botTs, "a reply, not in history", null, default);

        var first = await _h.Client.ConversationsHistoryAsync(Channel, 2, null, default);
        var second = await _h.Client.ConversationsHistoryAsync(Channel, 2, first.NextCursor, default);

        Assert.Equal([botTs, withVideo], first.Messages!.Select(m => m.Ts));
        Assert.True(first.HasMore);
        Assert.Equal([oldest], second.Messages!.Select(m => m.Ts));
        Assert.Null(second.NextCursor);
        Assert.Equal(_h.Fake.BotId, first.Messages![0].BotId);
        Assert.Equal("a.mp4", Assert.Single(first.Messages[1].Files!).Name);
        Assert.Equal("GET", _h.Fake.RequestsFor("conversations.history")[0].HttpMethod);
        Assert.Equal(withVideo, (await _h.Client.GetMessageAsync(Channel, withVideo, default))!.Ts);
        Assert.Null(await _h.Client.GetMessageAsync(Channel, "1.000001", default));
    }

    [Fact]
    public async Task Auth_test_names_the_bot_user_and_team()
    {
        var me = await _h.Client.AuthTestAsync(default);

        Assert.Equal((_h.Fake.BotUserId, _h.Fake.TeamId, _h.Fake.BotId), (me.UserId, me.TeamId, me.BotId));
    }

    [Fact]
    public async Task Posting_with_a_bot_outside_the_channel_says_to_invite_it()
    {
        _h.Fake.NotInChannel(Channel);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _h.Client.PostMessageAsync(Channel, null, "hi", null, default));

        Assert.True(error.IsNotInChannel);
        Assert.True(error.IsChannelUnavailable);
        Assert.Contains("invite the bot to the channel with /invite @", error.Message, StringComparison.Ordinal);
        Assert.Single(_h.Fake.Requests);
    }

    [Fact]
    public async Task A_missing_scope_names_the_scope_to_add()
    {
        _h.Fake.FailWith("conversations.history", "missing_scope", needed: "channels:history");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _h.Client.ConversationsHistoryAsync(Channel, 10, null, default));

        Assert.Equal(("missing_scope", "channels:history"), (error.Error, error.Needed));
        Assert.Contains("missing the channels:history permission", error.Message, StringComparison.Ordinal);
        Assert.Contains(_h.Log.Lines, l => l.Contains("needed channels:history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_token_is_an_auth_failure_and_never_logged()
    {
        _h.Options.BotToken = "xoxb-wrong-token";
        using var http = new HttpClient();
        var client = new SlackApiClient(http, Microsoft.Extensions.Options.Options.Create(_h.Options), _h.Pacer, TimeProvider.System, _h.Log);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.AuthTestAsync(default));

        Assert.True(error.IsAuthFailure);
        Assert.Equal("invalid_auth", error.Error);
        Assert.Contains("check Slack:BotToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-wrong-token", error.Message, StringComparison.Ordinal);
        Assert.All(_h.Log.Lines, l => Assert.DoesNotContain("xoxb-wrong-token", l, StringComparison.Ordinal));
        _h.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task An_unknown_method_is_a_404_with_slacks_error()
    {
        _h.Options.ApiBaseUrl = _h.Fake.BaseAddress + "nowhere";
        using var http = new HttpClient();
        var client = new SlackApiClient(http, Microsoft.Extensions.Options.Options.Create(_h.Options), _h.Pacer, TimeProvider.System, _h.Log);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.AuthTestAsync(default));

        Assert.Equal(("not_found", 404), (error.Error, error.Status));
    }
}
