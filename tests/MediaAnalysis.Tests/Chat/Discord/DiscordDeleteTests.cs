using System.Net;
using System.Text.Json.Nodes;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Chat.Discord;

// Delete on a finished job's status, through signed clicks: it asks first (only the clicker sees the question), a
// stranger is refused privately, the asker or a member who can manage the server deletes the transcript, answers and
// page at once, a double click deletes once, the status then says who deleted it, and the page answers 404.
[Collection(MediaCollection.Name)]
public sealed class DiscordDeleteTests(MediaFiles media) : DiscordFlowTest(media)
{
    private const ulong ManageGuild = 1UL << 5;

    private protected override Dictionary<string, string?> Settings => new() { ["Web:PublicBaseUrl"] = "https://ma.example" };

    [Fact]
    public async Task The_asker_deletes_once_after_confirming_a_stranger_is_refused_and_a_manager_may_delete()
    {
        var (interaction, job) = await FinishedJobAsync();
        var status = _d.Discord.Message(Assert.Single(_d.Discord.Threads).Id)!;
        Assert.Contains(DiscordDeleteButtons.Ask + job.Id, status.ButtonIds);
        var token = job.PageToken!;
        using (var before = await _d.Http.GetAsync($"/r/{token}"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // A stranger: refused in words only they see, on the status's button and on a forged confirmation alike.
        var refused = await ClickAsync(interaction, DiscordDeleteButtons.Ask + job.Id, "900000000000000001");
        Assert.Equal(4, refused["type"]!.GetValue<int>());
        Assert.Equal(64, refused["data"]!["flags"]!.GetValue<int>());
        Assert.Contains($"Only <@{job.RequesterId}>", refused["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var forged = await ClickAsync(interaction, DiscordDeleteButtons.Confirm + job.Id, "900000000000000001");
        Assert.Contains("Only", forged["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(await _d.Store.GetAsync(job.Id, CancellationToken.None));

        // The asker: asked first, privately; "Keep them" keeps them.
        var question = await ClickAsync(interaction, DiscordDeleteButtons.Ask + job.Id, job.RequesterId);
        Assert.Equal(64, question["data"]!["flags"]!.GetValue<int>());
        var choices = question["data"]!["components"]![0]!["components"]!.AsArray().Select(b => b!["custom_id"]!.GetValue<string>()).ToList();
        Assert.Equal([DiscordDeleteButtons.Confirm + job.Id, DiscordDeleteButtons.Keep + job.Id], choices);
        var kept = await ClickAsync(interaction, DiscordDeleteButtons.Keep + job.Id, job.RequesterId);
        Assert.Equal(7, kept["type"]!.GetValue<int>());
        Assert.NotNull(await _d.Store.GetAsync(job.Id, CancellationToken.None));

        // A double click on "Delete for good": one delete, the other click told it was done already.
        var answers = await Task.WhenAll(
            ClickAsync(interaction, DiscordDeleteButtons.Confirm + job.Id, job.RequesterId),
            ClickAsync(interaction, DiscordDeleteButtons.Confirm + job.Id, job.RequesterId));
        var texts = answers.Select(a => a["data"]!["content"]!.GetValue<string>()).ToList();
        Assert.Single(texts, t => t.StartsWith("Deleted:", StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Empty(a["data"]!["components"]!.AsArray()));
        Assert.Null(await _d.Store.GetAsync(job.Id, CancellationToken.None));
        Assert.Empty(await _d.Store.GetAnswersAsync(job.Id, CancellationToken.None));
        await PageGone.AssertAsync(_d.Http, token);
        status = _d.Discord.Message(status.Id)!;
        Assert.Contains($"Deleted by <@{job.RequesterId}>", status.Content, StringComparison.Ordinal);
        Assert.Empty(status.ButtonIds);
        Assert.Empty(status.Links);

        // A member who can manage the server may delete someone else's results.
        var (again, second) = await FinishedJobAsync();
        var manager = await ClickAsync(again, DiscordDeleteButtons.Confirm + second.Id, "900000000000000002", ManageGuild);
        Assert.StartsWith("Deleted:", manager["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await _d.Store.GetAsync(second.Id, CancellationToken.None));
        await PageGone.AssertAsync(_d.Http, second.PageToken!);
        Assert.Contains(_d.Discord.Messages, m => m.Content?.Contains("Deleted by <@900000000000000002>", StringComparison.Ordinal) == true);
        Assert.Empty(_d.Discord.Violations);
    }

    [Fact]
    public async Task A_running_job_has_no_delete_and_a_click_on_one_is_told_to_cancel_first()
    {
        _outside.Deepgram.Latency = TimeSpan.FromSeconds(20);
        var interaction = _d.SlashCommand("standup.mp4");
        var reply = await _d.InteractAsync(interaction);
        var job = (await _d.Store.FindByKeyAsync($"discord:{interaction["id"]}", CancellationToken.None))!;
        var buttons = reply["data"]!["components"]![0]!["components"]!.AsArray().Select(b => b!["custom_id"]?.GetValue<string>()).ToList();
        Assert.DoesNotContain(DiscordDeleteButtons.Ask + job.Id, buttons);

        var answer = await ClickAsync(interaction, DiscordDeleteButtons.Ask + job.Id, job.RequesterId);

        Assert.Contains("cancel it first", answer["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(await _d.Store.GetAsync(job.Id, CancellationToken.None));
    }

    private async Task<(JsonObject Interaction, JobRecord Job)> FinishedJobAsync()
    {
        var interaction = _d.SlashCommand("standup.mp4");
        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());
        Assert.Equal(JobState.Done, job.State);
        return (interaction, (await _d.Store.GetAsync(job.Id, CancellationToken.None))!);
    }

    private async Task<JsonObject> ClickAsync(JsonObject origin, string customId, string userId, ulong permissions = 0)
    {
        var click = DiscordFlowHarness.Button(origin, customId, userId, permissions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await _d.PostAsync(click.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
