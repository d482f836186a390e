using System.Globalization;
using System.Text;
using MediaAnalysis.Chat.Slack.Api;

namespace MediaAnalysis.Tests.Chat.Slack;

// files.getUploadURLExternal → the bytes to the upload URL → files.completeUploadExternal, against the fake.
public sealed class SlackApiUploadTests : IAsyncLifetime
{
    private const string Channel = SlackApiHarness.Channel;
    private SlackApiHarness _h = null!;

    public async Task InitializeAsync() => _h = await SlackApiHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task An_upload_streams_the_bytes_and_shares_the_file_in_the_thread()
    {
        var text = string.Concat(Enumerable.Repeat("Hello, transcript. Grüße! ", 20_000));
        var bytes = Encoding.UTF8.GetBytes(text);
        await using var content = new MemoryStream(bytes);

        var fileId = await _h.Client.UploadFileAsync(Channel, "1712345600.000100", "standup.transcript.txt", "Transcript of standup.mp4", content, bytes.Length, default);

        Assert.Equal(["files.getUploadURLExternal", "upload", "files.completeUploadExternal"], _h.Fake.Requests.Select(r => r.Name));
        var ask = _h.Fake.Requests[0];
        Assert.Equal("application/x-www-form-urlencoded", ask.ContentType);
        Assert.Equal(("standup.transcript.txt", bytes.Length.ToString(CultureInfo.InvariantCulture)), (ask.Form["filename"], ask.Form["length"]));
        var upload = _h.Fake.Requests[1];
        Assert.Equal(bytes.Length.ToString(CultureInfo.InvariantCulture), upload.Header("Content-Length"));
        Assert.Equal($"Bearer {_h.Fake.BotToken}", upload.Header("Authorization"));
        var complete = _h.Fake.Requests[2].Json!.Value;
        Assert.Equal("""[{"id":"%ID%","title":"Transcript of standup.mp4"}]""".Replace("%ID%", fileId, StringComparison.Ordinal), complete.GetProperty("files").GetRawText());
        var file = Assert.Single(_h.Fake.FilesIn(Channel, "1712345600.000100"));
        Assert.Equal((fileId, "standup.transcript.txt", "Transcript of standup.mp4", text), (file.Id, file.Name, file.Title, file.Text));
        Assert.Empty(_h.Fake.Violations);
    }

    [Fact]
    public async Task An_upload_url_on_another_host_gets_the_bytes_but_never_the_token()
    {
        _h.Fake.UploadHost = "localhost";
        await using var content = new MemoryStream([1, 2, 3, 4]);

        await _h.Client.UploadFileAsync(Channel, null, "x.txt", "x", content, 4, default);

        var upload = _h.Fake.RequestsFor("upload").Single();
        Assert.Null(upload.Header("Authorization"));
        Assert.StartsWith("localhost:", upload.Header("Host"), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4], Assert.Single(_h.Fake.FilesIn(Channel)).Content);
        Assert.Empty(_h.Fake.Violations);
    }

    [Fact]
    public async Task The_bytes_are_sent_again_from_the_start_after_a_server_error()
    {
        await using var content = new MemoryStream(Encoding.ASCII.GetBytes("0123456789"));
        content.Position = 2;
        _h.Fake.ServerError("upload", 502);

        await _h.Client.UploadFileAsync(Channel, null, "x.txt", "x", content, 8, default);

        Assert.Equal([502, 200], _h.Fake.RequestsFor("upload").Select(r => r.Status));
        Assert.All(_h.Fake.RequestsFor("upload"), r => Assert.Equal("23456789", r.BodyText));
        Assert.Equal("23456789", Assert.Single(_h.Fake.FilesIn(Channel)).Text);
    }

    [Fact]
    public async Task Completing_the_upload_is_retried_after_a_server_error()
    {
        await using var content = new MemoryStream([1, 2, 3]);
        _h.Fake.ServerError("files.completeUploadExternal");

        await _h.Client.UploadFileAsync(Channel, null, "x.txt", "x", content, 3, default);

        Assert.Equal([503, 200], _h.Fake.RequestsFor("files.completeUploadExternal").Select(r => r.Status));
        Assert.Single(_h.Fake.FilesIn(Channel));
    }

    [Fact]
    public async Task Sharing_into_a_channel_without_the_bot_says_to_invite_it()
    {
        _h.Fake.NotInChannel(Channel);
        await using var content = new MemoryStream([1, 2, 3]);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _h.Client.UploadFileAsync(Channel, null, "x.txt", "x", content, 3, default));

        Assert.True(error.IsNotInChannel);
        Assert.Equal("files.completeUploadExternal", error.Method);
    }

    [Fact]
    public async Task A_stream_shorter_than_its_stated_length_fails_the_upload()
    {
        await using var content = new MemoryStream([1, 2, 3]);

        await Assert.ThrowsAsync<SlackApiException>(() => _h.Client.UploadFileAsync(Channel, null, "x.txt", "x", content, 10, default));

        Assert.Empty(_h.Fake.FilesIn(Channel));
    }
}
