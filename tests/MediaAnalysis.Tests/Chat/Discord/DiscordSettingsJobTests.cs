using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using static MediaAnalysis.Tests.Chat.Discord.DiscordSettingsPayloads;

namespace MediaAnalysis.Tests.Chat.Discord;

// A server's settings reach its next job: the fake OpenRouter sees its prompts, models and answer language, the
// fake Deepgram its glossary, the duration limit its longest video; a running job keeps what it started with.
[Collection(MediaCollection.Name)]
public sealed class DiscordSettingsJobTests(MediaFiles media) : DiscordFlowTest(media)
{
    private static readonly string[] ServerModels = ["vendor-d/model-4", "vendor-a/model-1", "vendor-e/model-5"];

    private Task<System.Text.Json.Nodes.JsonObject> Models(params string[] models) =>
        _d.InteractAsync(Command(_d, "models", Option("model1", 3, models[0]), Option("model2", 3, models[1]), Option("model3", 3, models[2])));

    [Fact]
    public async Task A_question_goes_to_the_first_of_the_models_its_job_ran_with_when_the_operator_named_no_question_model()
    {
        await Models(ServerModels);
        var interaction = _d.SlashCommand("standup.mp4");
        await _d.InteractAsync(interaction);
        Assert.Equal(JobState.Done, (await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>())).State);
        _outside.OpenRouter.Enqueue(ServerModels[0], FakeChatReply.Success("""{"answer":"In May [0:02].","supported":true,"moments":["0:02"]}"""));

        var ask = _d.Ask(Assert.Single(_d.Discord.Threads).Id, "When do they ship?");
        await _d.InteractAsync(ask);
        await _d.WaitForQuestionAsync(ask["id"]!.GetValue<string>());

        Assert.Equal(ServerModels[0], _outside.OpenRouter.Requests.Single(r => r.SchemaName == "video_answer").Model);
    }

    [Fact]
    public async Task The_next_job_runs_with_the_servers_prompts_models_answer_language_and_glossary()
    {
        await _d.InteractAsync(ModalSubmit(_d, "settings:prompts", ("prompt1_name", "Minutes"), ("prompt1_instructions", "Write meeting minutes for the team."),
            ("prompt2_name", "Risks"), ("prompt2_instructions", "List the risks that were raised.")));
        await Models(ServerModels);
        await _d.InteractAsync(Command(_d, "language", Option("answers", 3, "fr")));
        await _d.InteractAsync(ModalSubmit(_d, "settings:glossary", ("glossary", "Kubernetes\nAcme Corp")));

        var interaction = _d.SlashCommand("standup.mp4");
        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Done, job.State);
        var deepgram = Assert.Single(_outside.Deepgram.Requests);
        Assert.Equal(["Kubernetes", "Acme Corp"], deepgram.KeyTerms);
        Assert.Equal("keyterm", deepgram.KeyTermParameter);
        var calls = _outside.OpenRouter.Requests;
        Assert.Equal(6, calls.Count);
        Assert.Equal(ServerModels.Order(StringComparer.Ordinal), calls.Select(c => c.Model).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(3, calls.Count(c => c.Messages[0].Content.StartsWith("Write meeting minutes for the team.", StringComparison.Ordinal)));
        Assert.Equal(3, calls.Count(c => c.Messages[0].Content.StartsWith("List the risks that were raised.", StringComparison.Ordinal)));
        Assert.All(calls, c => Assert.Contains("Answer in French", c.Messages[0].Content, StringComparison.Ordinal));
        Assert.All(calls, c => Assert.StartsWith("Transcript:\n", c.Messages[1].Content, StringComparison.Ordinal));
        var titles = _d.Discord.MessagesIn(Assert.Single(_d.Discord.Threads).Id).SelectMany(m => m.EmbedTitles).ToList();
        Assert.Equal(3, titles.Count(t => t == "Minutes"));
        Assert.Equal(3, titles.Count(t => t == "Risks"));
    }

    [Fact]
    public async Task A_running_job_keeps_the_settings_it_started_with_and_the_next_job_takes_the_change()
    {
        _outside.Deepgram.Latency = TimeSpan.FromSeconds(2);
        await Models(ServerModels);
        var first = _d.SlashCommand("standup.mp4");
        await _d.InteractAsync(first);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JobRecord? running = null;
        while (DateTime.UtcNow < deadline
            && (running = await _d.Store.FindByKeyAsync($"discord:{first["id"]}", CancellationToken.None)) is not { State: JobState.Running, SettingsSnapshot: not null })
        {
            await Task.Delay(50);
        }
        Assert.Equal(JobState.Running, running!.State);

        await Models("vendor-a/model-1", "vendor-b/model-2", "vendor-c/model-3");
        var firstDone = await _d.WaitForJobAsync(first["id"]!.GetValue<string>());
        var firstModels = _outside.OpenRouter.Requests.Select(r => r.Model).ToHashSet(StringComparer.Ordinal);
        _outside.Deepgram.Latency = TimeSpan.Zero;
        var second = _d.SlashCommand("standup.mp4");
        await _d.InteractAsync(second);
        await _d.WaitForJobAsync(second["id"]!.GetValue<string>());
        var secondModels = _outside.OpenRouter.Requests.Skip(6).Select(r => r.Model).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(JobState.Done, firstDone.State);
        Assert.Equal(ServerModels.ToHashSet(StringComparer.Ordinal), firstModels);
        Assert.Equal(["vendor-a/model-1", "vendor-b/model-2", "vendor-c/model-3"], secondModels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_servers_longest_video_is_applied_through_the_duration_limit()
    {
        var video = Path.Combine(_outside.Root, "long.mp4");
        await FfmpegRun.MakeAsync(
            "-f", "lavfi", "-i", "color=c=black:s=32x32:r=2:d=70", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "70",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "16k", "-movflags", "+faststart", video);
        _outside.Files.ServeFile("/attachments/long.mp4", video);
        await _d.InteractAsync(Command(_d, "limits", Option("max_minutes", 4, 1)));

        var interaction = _d.SlashCommand("long.mp4");
        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("this server's settings allow up to 1 minute", job.Note, StringComparison.Ordinal);
        Assert.Empty(_outside.Deepgram.Requests);
    }
}
