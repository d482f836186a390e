using System.Globalization;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Tests.Chat.Discord;

namespace MediaAnalysis.Tests.Diagnostics;

// GET /metrics after a real job through `serve`: the numbers are the job's own (from the store and the fakes).
[Collection(MediaCollection.Name)]
public sealed class MetricsTests(MediaFiles media) : DiscordFlowTest(media)
{
    private protected override void Prepare(PipelineHarness outside)
    {
        outside.OpenRouter.FailAlways(PipelineHarness.Models[0], FakeChatReply.ErrorIn200());
    }

    [Fact]
    public async Task A_job_shows_in_the_metrics_with_its_stages_models_tokens_failures_and_minutes()
    {
        var interaction = _d.SlashCommand("standup.mp4");
        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());
        Assert.Equal(JobState.Done, job.State);

        using var response = await _d.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(1, Value(text, "mediaanalysis_jobs_total", "outcome=\"done\"", "platform=\"discord\""));
        Assert.Equal(0, Value(text, "mediaanalysis_queue_depth", "state=\"running\""));
        Assert.Equal(1, Value(text, "mediaanalysis_queue_wait_seconds_count", "platform=\"discord\""));
        foreach (var stage in new[] { "downloading", "probing", "extracting", "transcribing", "analyzing" })
        {
            Assert.Equal(1, Value(text, "mediaanalysis_stage_duration_seconds_count", $"stage=\"{stage}\""));
        }
        // Two prompts per model; the first model answers every call with an error inside HTTP 200, whose code
        // (the upstream provider's) gives the reason.
        var outcomes = (await _d.Store.GetAnswersAsync(job.Id, CancellationToken.None)).Select(a => a.Outcome).ToList();
        var failed = outcomes.OfType<ModelOutcome.Failed>().ToList();
        Assert.Equal(2, failed.Count);
        Assert.Equal(2, Value(text, "mediaanalysis_model_failures_total", $"model=\"{PipelineHarness.Models[0]}\"",
            $"reason=\"{MediaAnalysis.Diagnostics.AppMetrics.Reason(failed[0].Status)}\""));
        Assert.Equal(0, Value(text, "dotnet_exceptions_total", "SemaphoreFullException", allowMissing: true));
        var answers = outcomes.OfType<ModelOutcome.Succeeded>().ToList();
        Assert.Equal(4, answers.Count);
        foreach (var model in PipelineHarness.Models.Skip(1))
        {
            var mine = answers.Where(a => a.Model == model).ToList();
            foreach (var prompt in mine.Select(a => a.Prompt))
            {
                Assert.Equal(1, Value(text, "mediaanalysis_model_duration_seconds_count", $"model=\"{model}\"", $"prompt=\"{prompt}\"", "outcome=\"ok\""));
            }
            Assert.Equal(mine.Sum(a => a.PromptTokens ?? 0), Value(text, "mediaanalysis_model_tokens_total", $"model=\"{model}\"", "kind=\"prompt\""));
            Assert.Equal(mine.Sum(a => a.CompletionTokens ?? 0), Value(text, "mediaanalysis_model_tokens_total", $"model=\"{model}\"", "kind=\"completion\""));
            Assert.Equal((double)mine.Sum(a => a.Cost ?? 0), Value(text, "mediaanalysis_model_cost_usd_total", $"model=\"{model}\""), 9);
        }
        Assert.InRange(Value(text, "mediaanalysis_transcription_minutes_total"), 4.5 / 60, 5.5 / 60);
        Assert.True(Value(text, "dotnet_process_memory_working_set_bytes") > 10_000_000);
        Assert.True(Value(text, "dotnet_gc_collections_total", "gen0") >= 0);
        Assert.True(Value(text, "http_server_request_duration_seconds_count", "http_route=\"/discord/interactions\"") >= 1);
    }

    // The sample of `name` whose labels hold every one of `labels`; its name must be followed by `{` or a space.
    private static double Value(string exposition, string name, params string[] labels) => Value(exposition, name, labels, allowMissing: false);

    private static double Value(string exposition, string name, string label, bool allowMissing) => Value(exposition, name, [label], allowMissing);

    private static double Value(string exposition, string name, string[] labels, bool allowMissing)
    {
        var lines = exposition.Split('\n')
            .Where(l => (l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
                && labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            .ToList();
        if (allowMissing && lines.Count == 0)
        {
            return 0;
        }
        Assert.True(lines.Count == 1, $"{lines.Count} samples of {name} with {string.Join(", ", labels)}:\n{exposition}");
        return double.Parse(lines[0][(lines[0].LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
