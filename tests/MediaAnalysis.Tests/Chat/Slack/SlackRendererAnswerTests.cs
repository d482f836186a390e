using System.Text;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Jobs;
using MediaAnalysis.Chat.Slack.Rendering;

namespace MediaAnalysis.Tests.Chat.Slack;

public sealed class SlackRendererAnswerTests
{
    private static ModelOutcome.Succeeded Answer(string text, string model = "openai/gpt-4o-mini", string prompt = "Summary") =>
        new(prompt, model, TimeSpan.FromSeconds(6.14), 1, text, "OpenAI", 1204, 312, 0.0021m);

    private static string Sections(IEnumerable<SlackMessageContent> messages) =>
        string.Concat(messages.SelectMany(m => m.Blocks.OfType<SectionBlock>()).Select(s => s.Text.Text));

    [Fact]
    public void A_short_answer_is_one_message_with_header_sections_and_the_cost_line()
    {
        var message = Assert.Single(SlackRenderer.Answers(Answer("The team **agreed** to ship on Friday.")));

        Assert.Equal(3, message.Blocks.Count);
        var header = Assert.IsType<HeaderBlock>(message.Blocks[0]);
        Assert.Equal(("plain_text", "Summary · gpt-4o-mini"), (header.Text.Type, header.Text.Text));
        Assert.Equal("The team *agreed* to ship on Friday.", Assert.IsType<SectionBlock>(message.Blocks[1]).Text.Text);
        Assert.Equal("1,204 → 312 tokens · $0.0021 · 6.1 s", RenderedMessage.ContextText(message));
        Assert.Equal("Summary · gpt-4o-mini: The team *agreed* to ship on Friday.", message.Text);
        RenderedMessage.AssertAcceptable(message);
    }

    [Fact]
    public void A_long_answer_is_split_at_paragraphs_into_sections_and_messages_that_join_back_exactly()
    {
        var paragraphs = Enumerable.Range(0, 60).Select(i => $"## Point {i}\n\n" + string.Join(' ', Enumerable.Repeat($"Sentence {i} has words & more words.", 25)));
        var answer = string.Join("\n\n", paragraphs);

        var messages = SlackRenderer.Answers(Answer(answer));

        Assert.True(messages.Count > 3);
        Assert.Equal(SlackMarkdown.ToMrkdwn(answer).Trim(), Sections(messages));
        Assert.All(messages, RenderedMessage.AssertAcceptable);
        Assert.All(messages.Skip(1), m => Assert.Equal("Summary · gpt-4o-mini (continued)", ((HeaderBlock)m.Blocks[0]).Text.Text));
        Assert.All(messages.SkipLast(1), m => Assert.DoesNotContain(m.Blocks, b => b is ContextBlock));
        Assert.IsType<ContextBlock>(messages[^1].Blocks[^1]);
        var pieces = messages.SelectMany(m => m.Blocks.OfType<SectionBlock>()).Select(s => s.Text.Text).ToList();
        Assert.All(pieces.SkipLast(1), p => Assert.EndsWith("\n\n", p, StringComparison.Ordinal));
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, SlackLimits.SectionText));
    }

    [Fact]
    public void Without_paragraphs_a_cut_falls_between_words_never_inside_one()
    {
        var answer = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"word{i}"));

        var pieces = SlackRenderer.Answers(Answer(answer)).SelectMany(m => m.Blocks.OfType<SectionBlock>()).Select(s => s.Text.Text).ToList();

        Assert.True(pieces.Count > 5);
        Assert.All(pieces.SkipLast(1), p => Assert.EndsWith(" ", p, StringComparison.Ordinal));
        Assert.Equal(answer, string.Concat(pieces));
    }

    [Fact]
    public void A_word_longer_than_a_section_is_cut_but_nothing_is_lost()
    {
        var answer = "Start " + string.Concat(Enumerable.Repeat("0123456789😀", 700)) + " end";

        var messages = SlackRenderer.Answers(Answer(answer));

        Assert.Equal(answer, Sections(messages));
        Assert.All(messages, RenderedMessage.AssertAcceptable);
        Assert.DoesNotContain(messages.SelectMany(m => m.Blocks.OfType<SectionBlock>()), s => char.IsHighSurrogate(s.Text.Text[^1]));
    }

    [Fact]
    public void Links_and_entities_are_never_cut_in_half()
    {
        var link = "[the source](https://example.com/" + new string('a', 200) + "?q=1&r=2)";
        var answer = string.Concat(Enumerable.Repeat("x&y<z>" + link, 120));

        var pieces = SlackRenderer.Answers(Answer(answer)).SelectMany(m => m.Blocks.OfType<SectionBlock>()).Select(s => s.Text.Text).ToList();

        Assert.True(pieces.Count > 3);
        Assert.All(pieces, p =>
        {
            Assert.Equal(p.Count(c => c == '<'), p.Count(c => c == '>'));
            Assert.DoesNotMatch("&[a-z]{0,3}$", p);
        });
        Assert.Equal(SlackMarkdown.ToMrkdwn(answer), string.Concat(pieces));
    }

    [Fact]
    public void A_huge_answer_stays_within_fifty_blocks_and_the_text_budget_per_message()
    {
        var answer = string.Join("\n", Enumerable.Range(0, 20_000).Select(i => $"- item {i}"));

        var messages = SlackRenderer.Answers(Answer(answer));

        Assert.All(messages, m =>
        {
            Assert.InRange(m.Blocks.Count, 2, SlackLimits.BlocksPerMessage);
            Assert.InRange(RenderedMessage.Blocks(m).EnumerateArray().SelectMany(FakeSlackBlockRules.TextsIn).Sum(t => t.Length), 1, SlackLimits.BlockTextPerMessage);
        });
        Assert.Equal(SlackMarkdown.ToMrkdwn(answer), Sections(messages));
        Assert.All(messages, RenderedMessage.AssertAcceptable);
    }

    [Fact]
    public void A_long_model_name_is_clipped_in_the_header_with_room_for_continued()
    {
        var header = SlackRenderer.HeaderText(new string('P', 100), "vendor/" + new string('m', 300));

        Assert.InRange(header.Length, 100, SlackLimits.HeaderText - " (continued)".Length);
        Assert.StartsWith(new string('P', 59) + "… · mmm", header, StringComparison.Ordinal);
        Assert.EndsWith("…", header, StringComparison.Ordinal);
        var messages = SlackRenderer.Answers(Answer(new string('a', 20_000), "vendor/" + new string('m', 300), new string('P', 100)));
        Assert.All(messages, RenderedMessage.AssertAcceptable);
    }

    [Fact]
    public void An_empty_answer_still_makes_a_valid_message()
    {
        var message = Assert.Single(SlackRenderer.Answers(Answer("  \n ")));

        Assert.Equal("_(The model returned an empty answer.)_", RenderedMessage.SectionText(message));
        RenderedMessage.AssertAcceptable(message);
    }

    [Fact]
    public void A_failed_model_is_one_short_message()
    {
        var outcome = new ModelOutcome.Failed("Review", "google/gemini-flash-1.5", TimeSpan.FromSeconds(2), 3, "OpenRouter says the account is out of credits (402).", 402);

        var message = Assert.Single(SlackRenderer.Answers(outcome));

        Assert.Equal("gemini-flash-1.5 could not answer: OpenRouter says the account is out of credits (402). The other answers are unaffected.", message.Text);
        Assert.Equal("❌ *gemini-flash-1.5* could not answer: OpenRouter says the account is out of credits (402). The other answers are unaffected.",
            RenderedMessage.SectionText(message));
        Assert.Equal("Review · google/gemini-flash-1.5 · 2.0 s", RenderedMessage.ContextText(message));
        RenderedMessage.AssertAcceptable(message);
    }

    [Fact]
    public void A_failure_reason_is_escaped_and_clipped()
    {
        var outcome = new ModelOutcome.Failed("Review", "m", TimeSpan.Zero, 1, "<!here> " + new string('&', 5000), 500);

        var message = Assert.Single(SlackRenderer.Answers(outcome));

        Assert.DoesNotContain("<!here>", RenderedMessage.SectionText(message), StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", message.Text, StringComparison.Ordinal);
        RenderedMessage.AssertAcceptable(message);
    }

    [Fact]
    public void Random_answers_always_join_back_and_stay_within_limits()
    {
        var random = new Random(20240607);
        string[] atoms = ["word", "**bold**", "*it*", "`code`", "[link](https://example.com/a_b?x=1&y=2)", "&", "<", ">", "😀", "é", "\n", "\n\n", " ", "- ", "# ", "```", "x".PadRight(40, 'x')];
        for (var run = 0; run < 40; run++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 9000);
            while (builder.Length < length)
            {
                builder.Append(atoms[random.Next(atoms.Length)]).Append(random.Next(3) == 0 ? "" : " ");
            }
            var answer = builder.ToString();

            var messages = SlackRenderer.Answers(Answer(answer));

            var expected = SlackMarkdown.ToMrkdwn(answer).Trim();
            Assert.Equal(expected.Length == 0 ? "_(The model returned an empty answer.)_" : expected, Sections(messages));
            Assert.All(messages, RenderedMessage.AssertAcceptable);
        }
    }

    [Theory]
    [InlineData("standup.mp4", "standup.transcript.txt")]
    [InlineData("Team Sync (final).MOV", "Team_Sync_final.transcript.txt")]
    [InlineData("../../etc/passwd", "passwd.transcript.txt")]
    [InlineData("Besprechung Grüße.mp4", "Besprechung_Grüße.transcript.txt")]
    [InlineData("", "video.transcript.txt")]
    [InlineData(".mp4", "mp4.transcript.txt")]
    public void Transcript_file_names_are_safe(string source, string expected) =>
        Assert.Equal(expected, SlackRenderer.TranscriptFileName(source));

    [Fact]
    public void A_very_long_source_name_makes_a_transcript_name_of_at_most_100_characters()
    {
        var name = SlackRenderer.TranscriptFileName(new string('a', 300) + ".mp4");

        Assert.Equal(100, name.Length);
        Assert.EndsWith(".transcript.txt", name, StringComparison.Ordinal);
    }
}
