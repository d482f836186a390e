using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Chat.Slack.Inbound;

namespace MediaAnalysis.Tests.Chat.Slack;

public sealed class SlackAttachmentPickerTests
{
    private static SlackFile File(string name, string? mimetype, string? filetype = null, string mode = "hosted") =>
        new() { Id = "F" + name.GetHashCode(StringComparison.Ordinal).ToString("X", System.Globalization.CultureInfo.InvariantCulture), Name = name, Mimetype = mimetype, Filetype = filetype, Mode = mode };

    [Fact]
    public void The_first_video_or_audio_file_is_picked_and_several_are_mentioned()
    {
        var pdf = File("notes.pdf", "application/pdf", "pdf");
        var first = File("standup.mp4", "video/mp4", "mp4");
        var second = File("call.m4a", "audio/mp4", "m4a");

        var pick = SlackAttachmentPicker.Pick([pdf, first, second], null);

        Assert.Same(first, pick.File);
        Assert.Equal(2, pick.Candidates);
        Assert.Equal("This message has 2 videos or recordings; analyzing the first one, standup.mp4.", pick.Note);
        Assert.Null(pick.Refusal);
    }

    [Theory]
    [InlineData("clip.mov", "video/quicktime", "mov")]
    [InlineData("voice.mp3", "audio/mpeg", "mp3")]
    [InlineData("screen.webm", null, "webm")]
    [InlineData("meeting.mp4", "application/octet-stream", null)]
    [InlineData("talk.MKV", null, null)]
    public void Video_and_audio_are_recognised_by_mimetype_filetype_or_name(string name, string? mimetype, string? filetype) =>
        Assert.NotNull(SlackAttachmentPicker.Pick([File(name, mimetype, filetype)], null).File);

    [Theory]
    [InlineData("photo.png", "image/png", "png", "hosted")]
    [InlineData("drive.mp4", "video/mp4", "mp4", "external")]
    [InlineData("gone.mp4", "video/mp4", "mp4", "tombstone")]
    [InlineData("report.txt", "text/plain", "text", "snippet")]
    public void Other_files_and_undownloadable_videos_are_not_picked(string name, string mimetype, string filetype, string mode) =>
        Assert.Null(SlackAttachmentPicker.Pick([File(name, mimetype, filetype, mode)], null).File);

    [Fact]
    public void Files_of_a_shared_message_are_found_in_its_attachments()
    {
        var video = File("shared.mp4", "video/mp4", "mp4");

        var pick = SlackAttachmentPicker.Pick(new SlackMessage { Attachments = [new MessageAttachment { Files = [video] }] });

        Assert.Same(video, pick.File);
    }

    [Fact]
    public void A_refusal_says_what_the_file_was()
    {
        var external = SlackAttachmentPicker.Pick([File("drive.mp4", "video/mp4", "mp4", "external")], null);
        var pdf = SlackAttachmentPicker.Pick([new SlackFile { Name = "q3.pdf", Mimetype = "application/pdf", Filetype = "pdf", PrettyType = "PDF" }], null);
        var several = SlackAttachmentPicker.Pick([File("a.png", "image/png"), File("b.png", "image/png")], null);

        Assert.Equal("drive.mp4 is a link to a file stored outside Slack; upload the video to Slack itself and try again.", external.Refusal);
        Assert.Equal("That file, q3.pdf (PDF), is not a video or audio file, so there is nothing to transcribe.", pdf.Refusal);
        Assert.Equal("None of the 2 files in that message is a video or audio file.", several.Refusal);
    }

    [Fact]
    public void The_latest_video_in_history_skips_bot_posts_and_says_which_one()
    {
        var botVideo = new SlackMessage { Ts = "3.0", BotId = "B1", Files = [File("bot.mp4", "video/mp4")] };
        var text = new SlackMessage { Ts = "2.0", User = "U1", Text = "hello" };
        var video = new SlackMessage { Ts = "1.0", User = "U2", Files = [File("standup.mp4", "video/mp4")] };

        var pick = SlackAttachmentPicker.PickLatest([botVideo, text, video]);

        Assert.Equal("standup.mp4", pick.File!.Name);
        Assert.Same(video, pick.Message);
        Assert.Equal("Analyzing the latest video in this channel, standup.mp4.", pick.Note);
        Assert.Contains("no recent video", SlackAttachmentPicker.PickLatest([text]).Refusal, StringComparison.Ordinal);
    }
}
