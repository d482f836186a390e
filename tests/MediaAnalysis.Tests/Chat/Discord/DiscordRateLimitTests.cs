using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Fakes.Discord;
using MediaAnalysis.Chat.Discord.Api;

namespace MediaAnalysis.Tests.Chat.Discord;

// 429s, buckets, the global limit, 5xx and lost answers: what is waited for, retried, or never resent.
public sealed class DiscordRateLimitTests : IAsyncLifetime
{
    private static readonly MessageBody Hello = new() { Content = "hello" };

    private DiscordApiHarness _h = null!;

    public async Task InitializeAsync() => _h = await DiscordApiHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_429_is_waited_out_for_retry_after_seconds_then_retried()
    {
        _h.Fake.Enqueue(FakeDiscordReply.RateLimited(0.3), "POST", "/messages");

        var message = await _h.Client.CreateMessageAsync(_h.Channel, Hello, default);

        var requests = _h.Fake.Requests;
        Assert.Equal(2, requests.Count);
        var gap = requests[1].ReceivedAt - requests[0].ReceivedAt;
        // retry_after (0.3) is used, not the rounded-up Retry-After header (1).
        Assert.InRange(gap, TimeSpan.FromMilliseconds(280), TimeSpan.FromMilliseconds(900));
        Assert.Single(_h.Fake.MessagesIn(_h.Channel));
        Assert.Equal(message.Id, _h.Fake.MessagesIn(_h.Channel)[0].Id);
        Assert.Contains(_h.Log.Lines, l => l.Contains("rate limited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_global_429_pauses_every_bot_route_but_not_interaction_webhooks()
    {
        _h.Fake.Enqueue(FakeDiscordReply.RateLimited(0.6, global: true), "POST", "/channels/1/");

        var first = _h.Client.CreateMessageAsync("1", Hello, default);
        // The other bot route goes out once the client has taken the 429 in (the fake having received the first
        // request is not enough: sent before the 429 is read, it would not be paused).
        await WaitUntilAsync(() => _h.LimiterLog.Lines.Any(l => l.Contains("global", StringComparison.OrdinalIgnoreCase)));
        var other = _h.Client.CreateMessageAsync("2", Hello, default);
        var webhook = _h.Client.EditOriginalAsync(_h.AppId, DiscordApiHarness.Token, Hello, default);
        await Task.WhenAll(first, other, webhook);

        var requests = _h.Fake.Requests;
        var start = requests[0].ReceivedAt;
        Assert.True(requests.Single(r => r.Path.StartsWith("/channels/2/", StringComparison.Ordinal)).ReceivedAt - start >= TimeSpan.FromMilliseconds(550));
        // The webhook is not held by the global pause: it gets there before the paused bot route does.
        Assert.True(requests.Single(r => r.Path.StartsWith("/webhooks/", StringComparison.Ordinal)).ReceivedAt
            < requests.Single(r => r.Path.StartsWith("/channels/2/", StringComparison.Ordinal)).ReceivedAt);
        Assert.Contains(_h.LimiterLog.Lines.Concat(_h.Log.Lines), l => l.Contains("global", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_MaxRateLimitWait_fails_at_once_and_the_bucket_stays_closed()
    {
        _h.Fake.Enqueue(FakeDiscordReply.RateLimited(30), "POST", "/messages");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _h.Client.CreateMessageAsync(_h.Channel, Hello, default));
        var again = await Assert.ThrowsAsync<DiscordApiException>(() => _h.Client.CreateMessageAsync(_h.Channel, Hello, default));
        await _h.Client.CreateMessageAsync("elsewhere", Hello, default);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3));
        Assert.True(error.IsRateLimited);
        Assert.True(again.IsRateLimited);
        // The second call was refused here, without adding an invalid request at Discord.
        Assert.Equal(2, _h.Fake.Requests.Count);
    }

    [Fact]
    public async Task Remaining_zero_means_waiting_for_the_reset_before_sending()
    {
        _h.Fake.RateLimits.Set("message-create", 2, TimeSpan.FromMilliseconds(400));
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 6; i++)
        {
            await _h.Client.CreateMessageAsync(_h.Channel, Hello, default);
        }

        Assert.Empty(_h.Fake.Violations);
        Assert.Equal(6, _h.Fake.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(700), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Concurrent_sends_to_one_channel_never_overrun_the_bucket()
    {
        _h.Fake.RateLimits.Set("message-create", 2, TimeSpan.FromMilliseconds(250));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _h.Client.CreateMessageAsync(_h.Channel, new MessageBody { Content = $"m{i}" }, default)));

        Assert.Empty(_h.Fake.Violations);
        Assert.Equal(8, _h.Fake.MessagesIn(_h.Channel).Count);
    }

    // The first answer names the bucket: a request already waiting for the route and one that comes after, looking the
    // bucket up by that name, must wait in one line (in two, both went at the next reset into a bucket of one).
    [Fact]
    public async Task Requests_queued_before_a_bucket_is_named_and_those_after_it_wait_in_one_line()
    {
        _h.Fake.RateLimits.Set("message-create", 1, TimeSpan.FromMilliseconds(300));
        // The first answer takes its time, so the second request is surely waiting for the route when it comes.
        _h.Fake.DelayNext(TimeSpan.FromMilliseconds(200), "POST", "/messages");

        var first = _h.Client.CreateMessageAsync(_h.Channel, new MessageBody { Content = "m0" }, default);
        var queued = _h.Client.CreateMessageAsync(_h.Channel, new MessageBody { Content = "m1" }, default);
        await first;
        var after = _h.Client.CreateMessageAsync(_h.Channel, new MessageBody { Content = "m2" }, default);
        await Task.WhenAll(queued, after);

        Assert.Empty(_h.Fake.Violations);
        Assert.Equal(3, _h.Fake.MessagesIn(_h.Channel).Count);
    }

    [Fact]
    public async Task Buckets_are_kept_per_channel()
    {
        _h.Fake.RateLimits.Set("message-create", 1, TimeSpan.FromSeconds(3));
        await _h.Client.CreateMessageAsync("1", Hello, default);
        var clock = Stopwatch.StartNew();

        await _h.Client.CreateMessageAsync("2", Hello, default);
        await _h.Client.EditMessageAsync("1", _h.Fake.MessagesIn("1")[0].Id, Hello, default);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Empty(_h.Fake.Violations);
    }

    [Fact]
    public async Task A_long_bucket_wait_ends_with_the_callers_token()
    {
        await using var h = await DiscordApiHarness.StartAsync(o => o.MaxRateLimitWait = TimeSpan.FromSeconds(30));
        h.Fake.RateLimits.Set("message-create", 1, TimeSpan.FromSeconds(10));
        await h.Client.CreateMessageAsync(h.Channel, Hello, default);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.CreateMessageAsync(h.Channel, Hello, cts.Token));

        Assert.Single(h.Fake.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported_with_their_status()
    {
        _h.Fake.Enqueue(FakeDiscordReply.ServerError(502), "POST");
        _h.Fake.Enqueue(FakeDiscordReply.ServerError(503), "POST");

        await _h.Client.CreateMessageAsync(_h.Channel, Hello, default);
        for (var i = 0; i < _h.Options.MaxAttempts; i++)
        {
            _h.Fake.Enqueue(FakeDiscordReply.ServerError(502), "PATCH");
        }
        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _h.Client.EditMessageAsync(_h.Channel, _h.Fake.MessagesIn(_h.Channel)[0].Id, Hello, default));

        Assert.Equal(3, _h.Fake.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(_h.Options.MaxAttempts, _h.Fake.Requests.Count(r => r.Method == "PATCH"));
        Assert.Equal(502, error.Status);
        Assert.Single(_h.Fake.MessagesIn(_h.Channel));
    }

    [Fact]
    public async Task A_retried_upload_sends_the_whole_file_again_with_the_same_nonce()
    {
        var data = Encoding.UTF8.GetBytes(new string('t', 100_000));
        await using var stream = new MemoryStream(data);
        _h.Fake.Enqueue(FakeDiscordReply.ServerError(503), "POST");

        await _h.Client.CreateMessageWithFileAsync(_h.Channel, new MessageBody { Content = "Transcript" }, "a.transcript.txt", stream, "text/plain", default);

        var requests = _h.Fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(data, r.Parts.Single(p => p.Name == "files[0]").Data));
        Assert.Equal(requests[0].Payload!.Value.GetProperty("nonce").GetString(), requests[1].Payload!.Value.GetProperty("nonce").GetString());
    }

    [Fact]
    public async Task A_stream_that_cannot_rewind_is_sent_once_only()
    {
        await using var stream = new NonSeekableStream(Encoding.UTF8.GetBytes("once"));
        _h.Fake.Enqueue(FakeDiscordReply.ServerError(502), "POST");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _h.Client.CreateMessageWithFileAsync(_h.Channel, new MessageBody(), "a.txt", stream, "text/plain", default));

        Assert.Equal(502, error.Status);
        var request = Assert.Single(_h.Fake.Requests);
        Assert.Equal("once", request.Parts.Single(p => p.Name == "files[0]").Text);
    }

    [Fact]
    public async Task A_lost_answer_is_resent_and_the_nonce_prevents_a_duplicate_message()
    {
        await using var h = await DiscordApiHarness.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        h.Fake.DelayNext(TimeSpan.FromSeconds(3), "POST", "/messages");

        var message = await h.Client.CreateMessageAsync(h.Channel, Hello, default);

        Assert.Equal(2, h.Fake.Requests.Count);
        var only = Assert.Single(h.Fake.MessagesIn(h.Channel));
        Assert.Equal(only.Id, message.Id);
    }

    [Fact]
    public async Task A_lost_follow_up_answer_is_not_resent_because_it_could_post_twice()
    {
        await using var h = await DiscordApiHarness.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        h.Fake.DelayNext(TimeSpan.FromSeconds(3), "POST", "/webhooks/");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Client.CreateFollowupAsync(h.AppId, DiscordApiHarness.Token, Hello, default));

        Assert.Equal(0, error.Status);
        Assert.Single(h.Fake.Requests);
        h.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task A_Cloudflare_ban_stops_bot_requests_here_instead_of_adding_invalid_ones()
    {
        _h.Fake.Enqueue(FakeDiscordReply.CloudflareBan(), "POST");

        var banned = await Assert.ThrowsAsync<DiscordApiException>(() => _h.Client.CreateMessageAsync("1", Hello, default));
        var next = await Assert.ThrowsAsync<DiscordApiException>(() => _h.Client.CreateMessageAsync("2", Hello, default));

        Assert.Equal(429, banned.Status);
        Assert.Contains("blocked", banned.Message, StringComparison.Ordinal);
        Assert.Equal(429, next.Status);
        Assert.Single(_h.Fake.Requests);
        Assert.Contains(_h.Log.Lines, l => l.Contains("Cloudflare", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_answer_at_all_is_status_0_after_the_allowed_tries()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var h = await DiscordApiHarness.StartAsync(o =>
        {
            o.ApiBaseUrl = $"http://127.0.0.1:{port}/api/v10";
            o.MaxAttempts = 2;
        });

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Client.CreateMessageAsync("1", Hello, default));

        Assert.Equal(0, error.Status);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, h.Log.Lines.Count(l => l.Contains("failed on try", StringComparison.Ordinal)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }
}
