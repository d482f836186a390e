using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Settings;

namespace MediaAnalysis.Tests.Chat.Discord;

// The panel verdict on Discord, from a signed /analyze: one embed after the six answers, and the same message
// back (its nonce) when a restart posts it again after losing its "posted" mark.
[Collection(MediaCollection.Name)]
public sealed class DiscordVerdictTests(MediaFiles media) : IAsyncLifetime
{
    private PipelineHarness _outside = null!;
    private DiscordFlowHarness _d = null!;

    public async Task InitializeAsync()
    {
        _outside = await PipelineHarness.StartAsync();
        _outside.Files.ServeFile("/attachments/standup.mp4", media[TestVideoKind.Normal]);
        _d = await DiscordFlowHarness.StartAsync(_outside, new() { ["Analysis:Verdict:Enabled"] = "true", ["Web:PublicBaseUrl"] = PageBase });
    }

    // Results pages on (this host shares the verdict's): every status render carries the "Side by side" link.
    private const string PageBase = "https://ma.example";

    public async Task DisposeAsync()
    {
        await _d.DisposeAsync();
        await _outside.DisposeAsync();
    }

    [Fact]
    public async Task The_verdict_is_the_last_post_in_the_thread_and_is_not_posted_twice()
    {
        var interaction = _d.SlashCommand("standup.mp4");
        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Done, job.State);
        var thread = Assert.Single(_d.Discord.Threads);
        var posted = _d.Discord.MessagesIn(thread.Id);
        var last = posted.Last(m => m.Embeds.Count > 0);
        Assert.Equal(DiscordVerdictRenderer.VerdictTitle, Assert.Single(last.EmbedTitles));
        var text = Assert.Single(last.EmbedDescriptions);
        Assert.Contains("**Where they agree**", text, StringComparison.Ordinal);
        Assert.Contains("**Where they differ**", text, StringComparison.Ordinal);
        Assert.Contains("**Only one noticed**", text, StringComparison.Ordinal);
        Assert.Contains("$", last.Embeds[0].GetProperty("footer").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(PipelineHarness.Models[0], Assert.Single(_outside.OpenRouter.SchemaRequests).Model);

        var stored = (await _d.Store.GetAsync(job.Id, CancellationToken.None))!;
        var verdict = Assert.Single(await _d.Store.GetAnswersAsync(job.Id, CancellationToken.None), a => PanelVerdict.Is(a.Outcome)).Outcome;
        await _d.App.Services.GetRequiredService<DiscordReplier>().PostVerdictAsync(
            MediaAnalysis.Queue.ReplyContexts.ReplyContextFor(_d.Store, stored), verdict, CancellationToken.None);

        Assert.Equal(posted.Count, _d.Discord.MessagesIn(thread.Id).Count);
        Assert.Empty(_d.Discord.Violations);
    }

    [Fact]
    public async Task The_final_status_made_by_the_worker_carries_the_side_by_side_link()
    {
        var interaction = _d.SlashCommand("standup.mp4");
        var reply = await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Done, job.State);
        var token = (await _d.Store.GetAsync(job.Id, CancellationToken.None))!.PageToken;
        Assert.True(PageToken.IsWellFormed(token));
        var url = $"{PageBase}/r/{token}";
        // At enqueue: the link beside Cancel.
        var first = reply["data"]!["components"]![0]!["components"]!.AsArray();
        Assert.Equal(url, first[0]!["url"]!.GetValue<string>());
        Assert.Equal(5, first[0]!["style"]!.GetValue<int>());
        // The worker's last edit (made from the job's row, not from the enqueue's status): the link, no Cancel.
        var status = _d.Discord.Message(Assert.Single(_d.Discord.Threads).Id)!;
        Assert.Contains("✅", status.Content);
        Assert.True(status.Edits > 0);
        Assert.Equal((DiscordStatusButtons.PageButton, url), Assert.Single(status.Links));
        // No Cancel once it ended: "Ask a question" (issue 18) and Delete (issue 19).
        Assert.Equal([DiscordStatusButtons.AskPrefix + job.Id, DiscordDeleteButtons.Ask + job.Id], status.ButtonIds);
        Assert.Empty(_d.Discord.Violations);
    }

    [Fact]
    public async Task A_server_that_turned_its_pages_off_gets_no_page_nor_link_for_its_next_job()
    {
        var interaction = _d.SlashCommand("standup.mp4");
        var guild = interaction["guild_id"]!.GetValue<string>();
        await _d.App.Services.GetRequiredService<ServerSettings>().ApplyAsync(
            "discord", guild, "admin", SettingsEdit.Change("pages off", s => s with { Pages = false }), CancellationToken.None);

        var reply = await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Null((await _d.Store.GetAsync(job.Id, CancellationToken.None))!.PageToken);
        Assert.DoesNotContain("/r/", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_d.Discord.Message(Assert.Single(_d.Discord.Threads).Id)!.Links);
    }
}
