using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Tests.Chat.Discord;
using MediaAnalysis.Tests.Chat.Slack;

namespace MediaAnalysis.Tests.Security;

// Issue 12 item 7: a video named in any script keeps its name in the transcript file, on both platforms, within
// the same safety rules as FileNameTests (no path, no control or bidi characters, at most 100 bytes of UTF-8).
[Collection(MediaCollection.Name)]
public sealed class Utf8FileNameTests(MediaFiles media)
{
    [Fact]
    public async Task A_discord_video_named_in_chinese_gets_a_transcript_with_that_name()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/attachments/v.mp4", media[TestVideoKind.Normal]);
        await using var d = await DiscordFlowHarness.StartAsync(outside);
        // The name percent-encoded, as it stands in Discord's attachment URL.
        var interaction = d.SlashCommand("%E4%BC%9A%E8%AE%AE.mp4", path: "/attachments/v.mp4");

        await d.InteractAsync(interaction);
        var job = await d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Done, job.State);
        Assert.Equal("会议.mp4", job.SourceName);
        var thread = Assert.Single(d.Discord.Threads);
        // The multipart part's filename as the fake read it, which must match payload_json's attachments[0].filename.
        var transcript = Assert.Single(d.Discord.MessagesIn(thread.Id)[0].Files);
        Assert.Equal("会议.transcript.txt", transcript.FileName);
    }

    [Fact]
    public async Task A_slack_video_named_in_chinese_and_hindi_gets_a_transcript_with_that_name()
    {
        await using var h = await SlackFlowHarness.StartAsync(media);
        var video = h.Slack.HostFile("会议 बैठक.mp4", await File.ReadAllBytesAsync(media[TestVideoKind.Normal]));
        var ts = h.Slack.PostUserMessage(SlackFlowHarness.Channel, SlackFlowHarness.Person, "our meeting", video);

        await h.InteractAsync(h.Shortcut(ts));
        var job = Assert.Single(await h.WaitForJobsAsync(ts));

        Assert.Equal(JobState.Done, job.State);
        // Hindi's vowel signs are combining marks: kept, not cut into underscores.
        var ask = Assert.Single(h.Slack.Requests, r => r.Name == "files.getUploadURLExternal");
        Assert.Equal("会议_बैठक.transcript.txt", ask.Form["filename"]);
        Assert.Equal("会议_बैठक.transcript.txt", Assert.Single(h.Slack.FilesIn(SlackFlowHarness.Channel, ts)).Name);
        Assert.Empty(h.Slack.Violations);
    }
}
