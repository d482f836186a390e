using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Rendering;

namespace MediaAnalysis.Tests.Chat.Discord;

public sealed class DiscordRendererNamesTests
{
    [Fact]
    public void Ephemeral_refusals_are_clipped_and_only_for_the_asker()
    {
        var response = DiscordRenderer.Ephemeral(new string('a', 5000));

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.Equal(MessageFlags.Ephemeral, response.Data!.Flags);
        Assert.Equal(DiscordLimits.Content, response.Data.Content!.Length);
    }

    [Theory]
    [InlineData("standup.mp4", "standup.transcript.txt")]
    [InlineData("my video (final).MOV", "my_video_final.transcript.txt")]
    [InlineData("../../etc/passwd", "passwd.transcript.txt")]
    [InlineData("C:\\Users\\ana\\call.webm", "call.transcript.txt")]
    [InlineData("会議.mp4", "会議.transcript.txt")]
    [InlineData(".hidden", "hidden.transcript.txt")]
    [InlineData("", "video.transcript.txt")]
    [InlineData("a\"b;c\r\nd.mp4", "a_b_c_d.transcript.txt")]
    public void Transcript_file_names_are_safe(string source, string expected)
    {
        Assert.Equal(expected, DiscordRenderer.TranscriptFileName(source));
    }

    [Fact]
    public void Transcript_and_thread_names_stay_within_100_characters()
    {
        var name = new string('a', 500) + ".mp4";

        Assert.True(DiscordRenderer.TranscriptFileName(name).Length <= 100);
        Assert.EndsWith(".transcript.txt", DiscordRenderer.TranscriptFileName(name), StringComparison.Ordinal);
        Assert.True(DiscordRenderer.ThreadName(name).Length <= 100);
        Assert.Equal("Analysis: standup.mp4", DiscordRenderer.ThreadName("standup.mp4"));
    }

    [Theory]
    [InlineData("cancel:job-1", "job-1")]
    [InlineData("cancel:", null)]
    [InlineData("other:job-1", null)]
    [InlineData(null, null)]
    public void The_cancel_button_id_gives_back_the_job(string? customId, string? jobId)
    {
        Assert.Equal(jobId, DiscordRenderer.CancelledJobId(customId));
    }
}
