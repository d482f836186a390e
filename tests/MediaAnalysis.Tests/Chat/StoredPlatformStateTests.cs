using System.Text.Json.Nodes;
using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Chat.Slack;

namespace MediaAnalysis.Tests.Chat;

// The adapters' states the database keeps (jobs.platform_state, questions.reply_state) as written before: rows
// stored then still read to the same values, are written again under the same names, and are found by the same
// fragments (IQuestionStore.JobInThreadAsync).
public sealed class StoredPlatformStateTests
{
    private const string DiscordJob = """
        {"app":"111","token":"tok","at":1700000000000,"channel":"222","channel_type":0,"perms":2048,"status_message":"333",
         "answers_in":"444","thread":true,"token_gone":false,"notified":true}
        """;

    private const string DiscordQuestion = """{"app":"111","token":"tok","at":1700000000000}""";

    private const string SlackJob = """{"channel":"C1","thread_ts":"1700000000.000100","status_ts":"1700000001.000200","answers_begun":true,"notified":false}""";

    [Fact]
    public void A_discord_jobs_state_written_before_reads_to_the_same_values()
    {
        var state = DiscordJobState.Parse(DiscordJob);

        Assert.Equal(("111", "tok", 1700000000000L, "222", 0, 2048UL), (state.ApplicationId, state.InteractionToken, state.CreatedAt, state.ChannelId, state.ChannelType, state.AppPermissions));
        Assert.Equal(("333", "444", true, false, true), (state.StatusMessageId, state.AnswersChannelId, state.InThread, state.TokenGone, state.Notified));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(DiscordJob), JsonNode.Parse(state.Serialize())), state.Serialize());
        Assert.Contains(DiscordJobState.AnswersIn("444"), state.Serialize(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_discord_questions_state_written_before_reads_to_the_same_values()
    {
        var state = DiscordQuestionState.Parse(DiscordQuestion)!;

        Assert.Equal(("111", "tok", 1700000000000L), (state.ApplicationId, state.InteractionToken, state.CreatedAt));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(DiscordQuestion), JsonNode.Parse(state.Serialize())), state.Serialize());
    }

    [Fact]
    public void A_slack_jobs_state_written_before_reads_to_the_same_values()
    {
        var state = SlackJobState.Parse(SlackJob);

        Assert.Equal(("C1", "1700000000.000100", "1700000001.000200", true, false), (state.Channel, state.ThreadTs, state.StatusTs, state.AnswersBegun, state.Notified));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SlackJob), JsonNode.Parse(state.Serialize())), state.Serialize());
        Assert.Contains(SlackJobState.Thread("C1", "1700000000.000100"), state.Serialize(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{not json")]
    public void A_question_without_a_readable_state_has_none(string? json) => Assert.Null(DiscordQuestionState.Parse(json));

    [Fact]
    public void A_job_without_its_platforms_state_says_which_is_missing()
    {
        Assert.Equal("the job has no Discord state", Assert.Throws<InvalidOperationException>(() => DiscordJobState.Parse(null)).Message);
        Assert.Equal("the job's Discord state is empty", Assert.Throws<InvalidOperationException>(() => DiscordJobState.Parse("null")).Message);
        Assert.Equal("the job has no Slack state", Assert.Throws<InvalidOperationException>(() => SlackJobState.Parse(null)).Message);
        Assert.Equal("the job's Slack state is empty", Assert.Throws<InvalidOperationException>(() => SlackJobState.Parse("null")).Message);
    }
}
