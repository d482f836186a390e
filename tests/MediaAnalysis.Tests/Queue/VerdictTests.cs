using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Queue;

// The panel verdict (issue 18) through whole jobs: written from the answers with a json_schema request, skipped
// with one line when fewer than two answers came back, the fallback when the primary is down, one retry on an
// invalid document, and after a restart neither lost nor posted twice.
[Collection(MediaCollection.Name)]
public sealed class VerdictTests(MediaFiles media)
{
    private const string Judge = "judge/primary";

    private static readonly Dictionary<string, string?> On = new()
    {
        ["Analysis:Verdict:Enabled"] = "true",
        ["Analysis:Verdict:Model"] = Judge,
    };

    [Fact]
    public async Task Six_answers_get_a_verdict_from_the_answers_not_the_transcript_posted_last_with_its_cost()
    {
        await using var outside = await StartAsync();
        outside.Deepgram.TranscriptFor = _ => "Only the transcript holds this sentence about zebras.";
        await using var q = await QueueHarness.StartAsync(outside, On);

        var job = await RunAsync(q, outside);

        Assert.Equal(JobState.Done, job.State);
        var request = Assert.Single(outside.OpenRouter.SchemaRequests);
        Assert.Equal((Judge, PanelVerdictJson.SchemaName), (request.Model, request.SchemaName));
        var user = request.Messages[1].Content;
        Assert.All(PipelineHarness.Models, m => Assert.Contains($"model {m}, prompt \"Summary\"", user, StringComparison.Ordinal));
        Assert.DoesNotContain("zebras", user, StringComparison.Ordinal);
        var verdict = Assert.IsType<ModelOutcome.Succeeded>(Assert.Single(q.Replier.Verdicts));
        Assert.Equal(Judge, verdict.Model);
        Assert.NotNull(PanelVerdictJson.TryRead(verdict.Answer));
        Assert.True(verdict.Cost > 0);
        Assert.Equal("verdict", q.Replier.Posts[^1].Kind);
        var stored = await q.Store.GetAnswersAsync(job.Id, CancellationToken.None);
        Assert.Equal(7, stored.Count);
        Assert.True(Assert.Single(stored, a => PanelVerdict.Is(a.Outcome)).Posted);
        Assert.Equal(6, q.Replier.Posts.Count(p => p.Kind == "answer"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public async Task Fewer_than_two_answers_skip_the_verdict_with_one_line(int successes)
    {
        await using var outside = await StartAsync();
        outside.OpenRouter.FailAlways(PipelineHarness.Models[1], FakeChatReply.Status(400));
        outside.OpenRouter.FailAlways(PipelineHarness.Models[2], FakeChatReply.Status(400));
        if (successes == 0)
        {
            outside.OpenRouter.FailAlways(PipelineHarness.Models[0], FakeChatReply.Status(400));
        }
        else
        {
            outside.OpenRouter.Enqueue(PipelineHarness.Models[0], FakeChatReply.Status(400));
        }
        await using var q = await QueueHarness.StartAsync(outside, On);

        var job = await RunAsync(q, outside);

        var answers = await q.Store.GetAnswersAsync(job.Id, CancellationToken.None);
        Assert.Equal(successes, answers.Count(a => a.Outcome is ModelOutcome.Succeeded && !PanelVerdict.Is(a.Outcome)));
        Assert.Empty(outside.OpenRouter.SchemaRequests);
        var verdict = Assert.IsType<ModelOutcome.Failed>(Assert.Single(q.Replier.Verdicts));
        Assert.Equal(VerdictWriter.TooFew, verdict.Reason);
    }

    [Fact]
    public async Task The_primary_down_gives_the_verdict_to_the_fallback()
    {
        await using var outside = await StartAsync();
        outside.OpenRouter.FailAlways(Judge, FakeChatReply.Status(503));
        await using var q = await QueueHarness.StartAsync(outside, On);

        await RunAsync(q, outside);

        var verdict = Assert.IsType<ModelOutcome.Succeeded>(Assert.Single(q.Replier.Verdicts));
        Assert.Equal(PipelineHarness.Models[1], verdict.Model);
        Assert.Equal([Judge, PipelineHarness.Models[1]], outside.OpenRouter.SchemaRequests.Select(r => r.Model));
        Assert.Equal(2, verdict.Attempts);
    }

    [Fact]
    public async Task An_invalid_document_is_asked_for_once_more_and_twice_invalid_goes_to_the_fallback()
    {
        await using var outside = await StartAsync();
        outside.OpenRouter.Enqueue(Judge, FakeChatReply.Success("Here is my verdict: they mostly agree."));
        outside.OpenRouter.Enqueue(Judge, FakeChatReply.Success("""{"agreements":["x"],"disagreements":[{"topic":"t","positions":[{"model":"a","text":"only one side"}]}],"unique_points":[]}"""));
        await using var q = await QueueHarness.StartAsync(outside, On);

        await RunAsync(q, outside);

        Assert.Equal([Judge, Judge, PipelineHarness.Models[1]], outside.OpenRouter.SchemaRequests.Select(r => r.Model));
        Assert.Equal(PipelineHarness.Models[1], Assert.IsType<ModelOutcome.Succeeded>(Assert.Single(q.Replier.Verdicts)).Model);
    }

    [Fact]
    public async Task Both_models_failing_post_one_line_that_says_why()
    {
        await using var outside = await StartAsync();
        outside.OpenRouter.FailAlways(Judge, FakeChatReply.Status(503));
        outside.OpenRouter.Enqueue(PipelineHarness.Models[1], FakeChatReply.Success("ok"));
        outside.OpenRouter.Enqueue(PipelineHarness.Models[1], FakeChatReply.Success("ok"));
        outside.OpenRouter.Enqueue(PipelineHarness.Models[1], FakeChatReply.Success("not json"));
        outside.OpenRouter.Enqueue(PipelineHarness.Models[1], FakeChatReply.Success("not json either"));
        await using var q = await QueueHarness.StartAsync(outside, On);

        var job = await RunAsync(q, outside);

        Assert.Equal(JobState.Done, job.State);
        var verdict = Assert.IsType<ModelOutcome.Failed>(Assert.Single(q.Replier.Verdicts));
        Assert.Contains("could not be written", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains(Judge, verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("invalid verdict document twice", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_by_default_no_verdict_is_asked_for()
    {
        await using var outside = await StartAsync();
        await using var q = await QueueHarness.StartAsync(outside);

        var job = await RunAsync(q, outside);

        Assert.Equal(JobState.Done, job.State);
        Assert.Empty(outside.OpenRouter.SchemaRequests);
        Assert.Empty(q.Replier.Verdicts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_a_restart_a_stored_verdict_is_posted_once_and_never_written_again(bool postedBefore)
    {
        await using var outside = await StartAsync();
        var store = await OpenStoreAsync(outside);
        var job = (await store.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/gone.mp4"), "A", "k"), 5, DateTimeOffset.UtcNow, CancellationToken.None)).Job!;
        await store.SaveTranscriptAsync(job.Id, "kept words", "en", null, CancellationToken.None);
        await store.MarkTranscriptPostedAsync(job.Id, CancellationToken.None);
        foreach (var prompt in new[] { "Summary", "Review" })
        {
            foreach (var model in PipelineHarness.Models)
            {
                await store.SaveAnswerAsync(job.Id, new ModelOutcome.Succeeded(prompt, model, TimeSpan.FromSeconds(1), 1, "answer", model, 10, 10, 0.001m), CancellationToken.None);
                await store.MarkAnswerPostedAsync(job.Id, prompt, model, CancellationToken.None);
            }
        }
        var document = PanelVerdictJson.Write(new PanelVerdict(["kept"], [], []));
        await store.SaveAnswerAsync(job.Id, new ModelOutcome.Succeeded(PanelVerdict.Prompt, Judge, TimeSpan.FromSeconds(1), 1, document, Judge, 5, 5, 0.001m), CancellationToken.None);
        if (postedBefore)
        {
            await store.MarkAnswerPostedAsync(job.Id, PanelVerdict.Prompt, Judge, CancellationToken.None);
        }

        await using var q = await QueueHarness.StartAsync(outside, On);
        var done = await q.WaitForEndAsync(job.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Empty(outside.OpenRouter.Requests);
        Assert.DoesNotContain(q.Replier.Posts, p => p.Kind == "answer");
        if (postedBefore)
        {
            Assert.Empty(q.Replier.Verdicts);
        }
        else
        {
            Assert.Equal(document, Assert.IsType<ModelOutcome.Succeeded>(Assert.Single(q.Replier.Verdicts)).Answer);
        }
        Assert.True(Assert.Single(await q.Store.GetAnswersAsync(job.Id, CancellationToken.None), a => PanelVerdict.Is(a.Outcome)).Posted);
        Assert.Equal(6, q.Replier.StatusesOf(job.Id)[^1].Calls.Count(c => c.State == CallState.Succeeded));
    }

    private async Task<PipelineHarness> StartAsync()
    {
        var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        return outside;
    }

    private static async Task<JobRecord> RunAsync(QueueHarness q, PipelineHarness outside)
    {
        var (result, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k"), CancellationToken.None);
        return await q.WaitForEndAsync(result.Job!.Id);
    }

    private static async Task<SqliteJobStore> OpenStoreAsync(PipelineHarness outside)
    {
        var store = new SqliteJobStore(Options.Create(new StorageOptions { ConnectionString = $"Data Source={QueueHarness.DatabasePath(outside)}" }),
            NullLogger<SqliteJobStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
