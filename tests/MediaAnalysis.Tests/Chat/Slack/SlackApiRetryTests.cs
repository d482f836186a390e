using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MediaAnalysis.Chat.Slack.Api;

namespace MediaAnalysis.Tests.Chat.Slack;

// 429 with Retry-After, 5xx with backoff, the bounds on both, and the per-channel pacing of posts.
public sealed class SlackApiRetryTests
{
    private const string Channel = SlackApiHarness.Channel;

    [Fact]
    public async Task A_429_waits_for_retry_after_then_succeeds()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.RateLimit("chat.postMessage", TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await h.Client.PostMessageAsync(Channel, null, "hi", null, default);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5));
        var tries = h.Fake.RequestsFor("chat.postMessage");
        Assert.Equal([429, 200], tries.Select(r => r.Status));
        Assert.InRange(tries[1].ReceivedAt - tries[0].ReceivedAt, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5));
        Assert.Contains(h.Log.Lines, l => l.Contains("chat.postMessage rate limited: retry after 1.00 s", StringComparison.Ordinal));
        Assert.Single(h.Fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task A_429_on_a_post_holds_back_the_next_post_in_that_channel_too()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.RateLimit("chat.postMessage", TimeSpan.FromSeconds(1));

        await Task.WhenAll(h.Client.PostMessageAsync(Channel, null, "one", null, default), SecondPostAsync());

        var posted = h.Fake.RequestsFor("chat.postMessage").Where(r => r.Status == 200).ToList();
        Assert.Equal(2, posted.Count);
        Assert.All(posted, r => Assert.True(r.ReceivedAt - h.Fake.Requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950)));

        async Task SecondPostAsync()
        {
            await Task.Delay(100);
            await h.Client.PostMessageAsync(Channel, null, "two", null, default);
        }
    }

    [Fact]
    public async Task A_429_storm_is_waited_out_beyond_the_tries_for_errors()
    {
        await using var h = await SlackApiHarness.StartAsync(o => o.MaxAttempts = 3);
        h.Fake.RateLimit("conversations.history", TimeSpan.Zero, times: 5);

        await h.Client.ConversationsHistoryAsync(Channel, 5, null, default);

        Assert.Equal(6, h.Fake.RequestsFor("conversations.history").Count);
    }

    [Fact]
    public async Task Rate_limits_beyond_ten_tries_fail_as_ratelimited()
    {
        await using var h = await SlackApiHarness.StartAsync(o => o.MaxAttempts = 3);
        h.Fake.RateLimit("conversations.history", TimeSpan.Zero, times: 12);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => h.Client.ConversationsHistoryAsync(Channel, 5, null, default));

        Assert.True(error.IsRateLimited);
        Assert.Equal(429, error.Status);
        Assert.Equal(10, h.Fake.RequestsFor("conversations.history").Count);
        Assert.Contains("kept rate-limiting conversations.history", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_allowed_wait_fails_at_once()
    {
        await using var h = await SlackApiHarness.StartAsync(o => o.MaxRateLimitWait = TimeSpan.FromSeconds(2));
        h.Fake.RateLimit("chat.update", TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SlackApiException>(() => h.Client.UpdateMessageAsync(Channel, "1.000001", "x", null, default));

        Assert.True(error.IsRateLimited);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
        Assert.Single(h.Fake.Requests);
    }

    [Fact]
    public async Task A_5xx_is_retried_with_backoff()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.ServerError("chat.postMessage", 503, times: 2);

        var ts = await h.Client.PostMessageAsync(Channel, null, "hi", null, default);

        Assert.Equal([503, 503, 200], h.Fake.RequestsFor("chat.postMessage").Select(r => r.Status));
        Assert.Equal(ts, Assert.Single(h.Fake.MessagesIn(Channel)).Ts);
        Assert.Equal(2, h.Log.Lines.Count(l => l.Contains("answered 503 on try", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_5xx_every_time_fails_after_the_allowed_tries()
    {
        await using var h = await SlackApiHarness.StartAsync(o => o.MaxAttempts = 2);
        h.Fake.ServerError("auth.test", 500, times: 5);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => h.Client.AuthTestAsync(default));

        Assert.Equal(("http_500", 500), (error.Error, error.Status));
        Assert.Equal(2, h.Fake.RequestsFor("auth.test").Count);
    }

    [Fact]
    public async Task Posts_in_one_channel_are_paced_and_other_channels_are_not_held_up()
    {
        await using var h = await SlackApiHarness.StartAsync(o => o.PostInterval = TimeSpan.FromMilliseconds(400));
        h.Fake.MinPostSpacing = TimeSpan.FromMilliseconds(300); // 100 ms of slack for scheduling jitter on a busy machine
        var clock = Stopwatch.StartNew();

        var first = await h.Client.PostMessageAsync(Channel, null, "1", null, default);
        var other = Task.Run(async () =>
        {
            var started = clock.Elapsed;
            await h.Client.PostMessageAsync("C0OTHER001", null, "elsewhere", null, default);
            return clock.Elapsed - started;
        });
        await Task.WhenAll(
            h.Client.UpdateMessageAsync(Channel, first, "1 edited", null, default),
            h.Client.PostMessageAsync(Channel, null, "2", null, default));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(780), $"three posts took {clock.Elapsed}");
        Assert.True(await other < TimeSpan.FromMilliseconds(300), "a post in another channel waited");
        Assert.Empty(h.Fake.Violations);
        Assert.DoesNotContain(h.Fake.Requests, r => r.Status != 200);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_without_the_token()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var h = await SlackApiHarness.StartAsync(o => o.ApiBaseUrl = $"http://127.0.0.1:{port}/api");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => h.Client.PostMessageAsync(Channel, null, "hi", null, default));

        Assert.Equal(("request_failed", 0), (error.Error, error.Status));
        Assert.Equal(h.Options.MaxAttempts, h.Log.Lines.Count(l => l.Contains("chat.postMessage failed on try", StringComparison.Ordinal)));
        h.AssertNoSecretsLogged();
    }
}
