using System.Text;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Api;

namespace MediaAnalysis.Tests.Chat.Discord;

// Routes, headers, bodies and Discord's error answers, against the fake on a real socket.
public sealed class DiscordApiClientTests : IAsyncLifetime
{
    private DiscordApiHarness _h = null!;

    public async Task InitializeAsync() => _h = await DiscordApiHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Editing_the_original_reply_goes_to_the_webhook_without_the_bot_token()
    {
        var message = await _h.Client.EditOriginalAsync(_h.AppId, DiscordApiHarness.Token, new MessageBody { Content = "Analyzing…", AllowedMentions = AllowedMentions.None }, default);

        var request = Assert.Single(_h.Fake.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"/webhooks/{_h.AppId}/{DiscordApiHarness.Token}/messages/@original", request.Path);
        Assert.Null(request.Header("Authorization"));
        Assert.Equal(DiscordApiClient.UserAgent, request.Header("User-Agent"));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("Analyzing…", request.Payload!.Value.GetProperty("content").GetString());
        Assert.Equal("""{"parse":[]}""", request.Payload.Value.GetProperty("allowed_mentions").GetRawText());
        Assert.Equal(2, request.Payload.Value.EnumerateObject().Count());
        Assert.Equal(_h.Channel, message.ChannelId);
        Assert.Equal("Analyzing…", _h.Fake.Message(message.Id)!.Content);
        Assert.Empty(_h.Fake.Violations);
    }

    [Fact]
    public async Task Follow_ups_are_created_and_edited_on_the_token()
    {
        var created = await _h.Client.CreateFollowupAsync(_h.AppId, DiscordApiHarness.Token, new MessageBody { Content = "one" }, default);
        var edited = await _h.Client.EditFollowupAsync(_h.AppId, DiscordApiHarness.Token, created.Id, new MessageBody { Content = "two" }, default);

        Assert.Equal(created.Id, edited.Id);
        Assert.Equal("two", _h.Fake.Message(created.Id)!.Content);
        Assert.Equal($"/webhooks/{_h.AppId}/{DiscordApiHarness.Token}", _h.Fake.Requests[0].Path);
        Assert.All(_h.Fake.Requests, r => Assert.Null(r.Header("Authorization")));
        Assert.Empty(_h.Fake.Violations);
    }

    [Fact]
    public async Task Channel_messages_use_the_bot_token_and_a_nonce()
    {
        var message = await _h.Client.CreateMessageAsync("42", new MessageBody { Content = "hi" }, default);
        var edited = await _h.Client.EditMessageAsync("42", message.Id, new MessageBody { Content = "hello" }, default);

        var create = _h.Fake.Requests[0];
        Assert.Equal("/channels/42/messages", create.Path);
        Assert.Equal($"Bot {_h.Fake.BotToken}", create.Header("Authorization"));
        Assert.True(create.Payload!.Value.GetProperty("enforce_nonce").GetBoolean());
        Assert.InRange(create.Payload.Value.GetProperty("nonce").GetString()!.Length, 1, 25);
        Assert.Equal($"/channels/42/messages/{message.Id}", _h.Fake.Requests[1].Path);
        Assert.Equal("hello", _h.Fake.Message(edited.Id)!.Content);
        Assert.Equal("42", message.ChannelId);
    }

    [Fact]
    public async Task The_original_reply_can_be_edited_with_the_bot_token_once_its_id_is_known()
    {
        var original = await _h.Client.EditOriginalAsync(_h.AppId, DiscordApiHarness.Token, new MessageBody { Content = "a" }, default);
        _h.Fake.ExpireToken(DiscordApiHarness.Token);

        await _h.Client.EditMessageAsync(original.ChannelId, original.Id, new MessageBody { Content = "b" }, default);

        Assert.Equal("b", _h.Fake.Message(original.Id)!.Content);
    }

    [Fact]
    public async Task A_thread_starts_from_a_message_and_has_its_id()
    {
        var message = await _h.Client.CreateMessageAsync(_h.Channel, new MessageBody { Content = "status" }, default);

        var thread = await _h.Client.StartThreadFromMessageAsync(_h.Channel, message.Id, "Analysis: standup.mp4", 1440, default);

        Assert.Equal(message.Id, thread.Id);
        Assert.Equal(ChannelType.PublicThread, thread.Type);
        Assert.Equal(_h.Channel, thread.ParentId);
        var request = _h.Fake.Requests[^1];
        Assert.Equal($"/channels/{_h.Channel}/messages/{message.Id}/threads", request.Path);
        Assert.Equal("""{"name":"Analysis: standup.mp4","auto_archive_duration":1440}""", request.Body);
        Assert.Equal("Analysis: standup.mp4", _h.Fake.Channel(thread.Id)!.Name);
    }

    [Fact]
    public async Task A_second_thread_on_the_same_message_is_160004_and_not_retried()
    {
        var message = await _h.Client.CreateMessageAsync(_h.Channel, new MessageBody { Content = "status" }, default);
        await _h.Client.StartThreadFromMessageAsync(_h.Channel, message.Id, "t", 60, default);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _h.Client.StartThreadFromMessageAsync(_h.Channel, message.Id, "t", 60, default));

        Assert.Equal(400, error.Status);
        Assert.True(error.IsThreadAlreadyCreated);
        Assert.Equal(3, _h.Fake.Requests.Count);
    }

    [Fact]
    public async Task Missing_thread_permission_is_403_50013_and_never_retried()
    {
        _h.Fake.ForbidThreadCreation = true;
        var message = await _h.Client.CreateMessageAsync(_h.Channel, new MessageBody { Content = "status" }, default);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _h.Client.StartThreadFromMessageAsync(_h.Channel, message.Id, "t", 1440, default));

        Assert.Equal(403, error.Status);
        Assert.Equal(DiscordErrorCodes.MissingPermissions, error.Code);
        Assert.True(error.IsMissingPermissions);
        Assert.Equal(2, _h.Fake.Requests.Count);
    }

    [Fact]
    public async Task An_expired_token_is_401_50027_and_never_retried_nor_logged()
    {
        _h.Fake.ExpireToken(DiscordApiHarness.Token);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _h.Client.EditOriginalAsync(_h.AppId, DiscordApiHarness.Token, new MessageBody { Content = "late" }, default));

        Assert.Equal(401, error.Status);
        Assert.Equal(DiscordErrorCodes.InvalidWebhookToken, error.Code);
        Assert.True(error.IsTokenGone);
        Assert.Single(_h.Fake.Requests);
        Assert.DoesNotContain(DiscordApiHarness.Token, error.Message, StringComparison.Ordinal);
        Assert.Contains("{token}", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(_h.Log.Lines);
        _h.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task A_body_over_Discords_limits_is_400_50035_with_the_field_named()
    {
        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _h.Client.CreateMessageAsync(_h.Channel, new MessageBody { Content = new string('a', 2001) }, default));

        Assert.Equal(400, error.Status);
        Assert.Equal(DiscordErrorCodes.InvalidFormBody, error.Code);
        Assert.Contains("\"content\"", error.Errors, StringComparison.Ordinal);
        Assert.Single(_h.Fake.Requests);
    }

    [Fact]
    public async Task Editing_an_unknown_message_is_404_10008()
    {
        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _h.Client.EditMessageAsync(_h.Channel, "1", new MessageBody { Content = "x" }, default));

        Assert.Equal(404, error.Status);
        Assert.Equal(DiscordErrorCodes.UnknownMessage, error.Code);
        Assert.Single(_h.Fake.Requests);
    }

    [Fact]
    public async Task A_file_goes_up_as_multipart_with_payload_json_and_files_0()
    {
        var text = "hello transcript ünïcödé\n" + new string('x', 200_000);
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var message = await _h.Client.CreateMessageWithFileAsync(_h.Channel,
            new MessageBody { Content = "Transcript", AllowedMentions = AllowedMentions.None }, "standup.transcript.txt", stream, "text/plain; charset=utf-8", default);

        var request = Assert.Single(_h.Fake.Requests);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(["payload_json", "files[0]"], request.Parts.Select(p => p.Name));
        Assert.StartsWith("application/json", request.Parts[0].ContentType, StringComparison.Ordinal);
        var slot = request.Payload!.Value.GetProperty("attachments")[0];
        Assert.Equal(0, slot.GetProperty("id").GetInt32());
        Assert.Equal("standup.transcript.txt", slot.GetProperty("filename").GetString());
        Assert.Equal("standup.transcript.txt", request.Parts[1].FileName);
        Assert.Equal(text, request.Parts[1].Text);
        Assert.Equal(text, Assert.Single(_h.Fake.Message(message.Id)!.Files).Text);
        Assert.True(stream.CanRead, "the caller's stream stays open");
        Assert.Empty(_h.Fake.Violations);
    }

    [Fact]
    public async Task A_file_can_also_go_up_as_a_follow_up()
    {
        await using var stream = new MemoryStream("t"u8.ToArray());

        var message = await _h.Client.CreateFollowupWithFileAsync(_h.AppId, DiscordApiHarness.Token, new MessageBody(), "a b.txt", stream, "text/plain", default);

        Assert.Equal("a_b.txt", Assert.Single(_h.Fake.Message(message.Id)!.Files).FileName);
        Assert.Null(_h.Fake.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task A_file_larger_than_the_upload_limit_is_413_40005()
    {
        _h.Fake.UploadLimitBytes = 1000;
        await using var stream = new MemoryStream(new byte[1001]);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _h.Client.CreateMessageWithFileAsync(_h.Channel, new MessageBody(), "big.txt", stream, "text/plain", default));

        Assert.Equal(413, error.Status);
        Assert.Equal(DiscordErrorCodes.RequestEntityTooLarge, error.Code);
    }

    [Fact]
    public async Task Commands_are_bulk_overwritten_globally_or_in_one_guild()
    {
        var global = await _h.Client.BulkOverwriteCommandsAsync(_h.AppId, null, DiscordCommands.All, default);
        var guild = await _h.Client.BulkOverwriteCommandsAsync(_h.AppId, "77", DiscordCommands.All, default);

        Assert.Equal(DiscordCommands.All.Count, global);
        Assert.Equal(DiscordCommands.All.Count, guild);
        Assert.Equal("PUT", _h.Fake.Requests[0].Method);
        Assert.Equal($"/applications/{_h.AppId}/commands", _h.Fake.Requests[0].Path);
        Assert.Equal($"/applications/{_h.AppId}/guilds/77/commands", _h.Fake.Requests[1].Path);
        Assert.Equal($"Bot {_h.Fake.BotToken}", _h.Fake.Requests[0].Header("Authorization"));
        Assert.Equal("Analyze video", _h.Fake.Commands("77")![1].GetProperty("name").GetString());
        Assert.Empty(_h.Fake.Violations);
    }

    [Fact]
    public async Task A_wrong_bot_token_is_401_and_never_retried()
    {
        await using var other = await DiscordApiHarness.StartAsync(o => o.BotToken = "wrong");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => other.Client.CreateMessageAsync("1", new MessageBody { Content = "x" }, default));

        Assert.Equal(401, error.Status);
        Assert.True(error.IsTokenGone);
        Assert.Single(other.Fake.Requests);
        Assert.All(other.Log.Lines, l => Assert.DoesNotContain("wrong", l, StringComparison.Ordinal));
    }
}
