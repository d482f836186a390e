using System.Diagnostics;
using MediaAnalysis.Chat.Slack;
using MediaAnalysis.Fakes;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using MediaAnalysis.Tests.Queue;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Chat.Slack;

// Slack has no nonce: a `serve` process killed after chat.postMessage of an answer reached Slack and before the
// store marked it posted must not post that answer again when a new process resumes the job. Each answer carries
// message metadata; the resumed job reads its thread (conversations.replies, include_all_metadata) and skips it.
[Collection(MediaCollection.Name)]
public sealed class SlackResumeAfterKillTests(MediaFiles media)
{
    private const string Channel = "C0VIDEOS01";
    private const string Person = "U0PERSON01";

    [Fact]
    public async Task A_process_killed_between_an_answer_post_and_its_mark_posts_it_once()
    {
        await using var outside = await PipelineHarness.StartAsync();
        await using var slack = await FakeSlackApi.StartAsync();
        var video = slack.HostFile("standup.mp4", await File.ReadAllBytesAsync(media[TestVideoKind.Normal]));
        var ts = slack.PostUserMessage(Channel, Person, "our standup", video);
        var database = Path.Combine(outside.Root, "jobs.db");
        var posts = Path.Combine(outside.Root, "posts.jsonl");
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = slack.SigningSecret,
            ["Slack:BotToken"] = slack.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:FilesBaseUrl"] = slack.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["Media:AllowedHosts:1"] = slack.BaseAddress.Authority,
        };
        var store = new SqliteJobStore(Options.Create(new StorageOptions { ConnectionString = $"Data Source={database}" }), NullLogger<SqliteJobStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        var job = (await store.EnqueueAsync(new AnalyzeRequest
        {
            Platform = SlackReplier.PlatformName,
            Tenant = slack.TeamId,
            Channel = Channel,
            RequesterId = Person,
            RequesterName = Person,
            IdempotencyKey = "slack-kill",
            VideoKey = $"{Channel}:{ts}:{video.Id}",
            VideoUrl = slack.DownloadUrl(video),
            SourceName = "standup.mp4",
            PlatformState = new SlackJobState { Channel = Channel, ThreadTs = ts }.Serialize(),
        }, 5, DateTimeOffset.UtcNow, CancellationToken.None)).Job!;

        // The second answer reaches Slack, and the process dies before it hears back (so before the mark).
        Process? first = null;
        var answersSeen = 0;
        slack.Posted = message =>
        {
            if (message.MetadataEventType == SlackAnswerMarks.EventType && Interlocked.Increment(ref answersSeen) == 2)
            {
                first!.Kill(entireProcessTree: true);
                first.WaitForExit();
            }
        };
        using (first = ResumeAfterKillTests.StartHost(outside, database, posts, settings))
        {
            await ResumeAfterKillTests.WaitUntil(() => Task.FromResult(first.HasExited));
        }
        slack.Posted = null;
        var beforeRestart = AnswerHeaders(slack, ts);
        Assert.Equal(2, beforeRestart.Count);
        Assert.Single(await store.GetAnswersAsync(job.Id, CancellationToken.None), a => a.Posted);

        using var second = ResumeAfterKillTests.StartHost(outside, database, posts, settings);
        try
        {
            await ResumeAfterKillTests.WaitUntil(async () => (await store.GetAsync(job.Id, CancellationToken.None))!.State is not (JobState.Queued or JobState.Running));
            Assert.Equal(JobState.Done, (await store.GetAsync(job.Id, CancellationToken.None))!.State);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        // Six answers, each once: the one posted before the kill was found in the thread, not posted again.
        var headers = AnswerHeaders(slack, ts);
        Assert.Equal(6, headers.Count);
        Assert.Equal(6, headers.Distinct().Count());
        Assert.Contains(slack.Requests, r => r.Name == "conversations.replies" && r.Arg("include_all_metadata") == "true");
        var marks = slack.MessagesIn(Channel, ts).Where(m => m.MetadataEventType == SlackAnswerMarks.EventType).ToList();
        Assert.Equal(6, marks.Count);
        Assert.All(marks, m => Assert.Equal(job.Id, m.Metadata!.Value.GetProperty("event_payload").GetProperty("job_id").GetString()));
        Assert.Empty(slack.Violations);
    }

    // The title of every answer message in the thread ("Summary · model"), in posting order.
    private static List<string> AnswerHeaders(FakeSlackApi slack, string ts) =>
        [.. slack.MessagesIn(Channel, ts).SelectMany(m => m.TextsOf("header"))
            .Where(h => h.StartsWith("Summary", StringComparison.Ordinal) || h.StartsWith("Review", StringComparison.Ordinal))];
}
