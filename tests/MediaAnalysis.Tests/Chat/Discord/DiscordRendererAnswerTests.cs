using MediaAnalysis.Chat;
using MediaAnalysis.Jobs;
using System.Globalization;
using System.Text.Json;
using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Fakes.Discord;
using MediaAnalysis.Chat.Discord.Rendering;

namespace MediaAnalysis.Tests.Chat.Discord;

public sealed class DiscordRendererAnswerTests
{
    private const string Model = "openai/gpt-4o-mini";

    [Fact]
    public void Random_long_answers_stay_within_every_limit_and_come_back_whole()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var answer = MarkdownGenerator.Answer(random, random.Next(1, 60_000));
            var prompt = seed % 7 == 0 ? new string('P', 300) : "Summary";

            var messages = DiscordRenderer.Answers(Succeeded(answer), prompt);

            AssertWithinLimits(messages, $"seed {seed}");
            var pieces = messages.SelectMany(m => m.Embeds!).Select(e => e.Description!).ToList();
            Assert.True(answer == string.Concat(pieces), $"seed {seed}: text lost or duplicated");
            AssertCleanCuts(answer, pieces, $"seed {seed}");
            var embeds = messages.SelectMany(m => m.Embeds!).ToList();
            Assert.All(embeds.Skip(1), e => Assert.EndsWith(" (continued)", e.Title, StringComparison.Ordinal));
            Assert.DoesNotContain("(continued)", embeds[0].Title, StringComparison.Ordinal);
            Assert.Single(embeds, e => e.Footer is not null);
            Assert.NotNull(embeds[^1].Footer);
            Assert.All(embeds, e => Assert.Equal(Model, e.Author!.Name));
        }
    }

    [Fact]
    public void A_short_answer_is_one_embed_in_one_message()
    {
        var message = Assert.Single(DiscordRenderer.Answers(Succeeded("All good.\n\nShip it."), "Summary"));

        var embed = Assert.Single(message.Embeds!);
        Assert.Equal("Summary", embed.Title);
        Assert.Equal("All good.\n\nShip it.", embed.Description);
        Assert.Equal("1,204 → 312 tokens · $0.0021 · 6.1 s", embed.Footer!.Text);
        Assert.Equal(DiscordRenderer.ColourFor(Model), embed.Color);
        Assert.Empty(message.AllowedMentions!.Parse);
        Assert.Null(message.Content);
    }

    [Fact]
    public void Paragraphs_are_kept_whole_when_they_fit()
    {
        var paragraphs = Enumerable.Range(0, 12).Select(i => $"Paragraph {i}: " + string.Join(' ', Enumerable.Repeat("word", 180))).ToList();
        var answer = string.Join("\n\n", paragraphs);

        var pieces = DiscordRenderer.Answers(Succeeded(answer), "Summary").SelectMany(m => m.Embeds!).Select(e => e.Description!).ToList();

        Assert.True(pieces.Count > 2);
        Assert.All(pieces[..^1], p => Assert.EndsWith("\n\n", p, StringComparison.Ordinal));
        Assert.All(pieces, p => Assert.StartsWith("Paragraph ", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_outside_a_code_block_beats_a_blank_line_inside_one()
    {
        var before = string.Concat(Enumerable.Range(0, 50).Select(i => $"line {i:00} of plain text, no blank lines here at all.\n"));
        var code = "```\n" + string.Concat(Enumerable.Range(0, 80).Select(i => $"code line {i:00} inside the fence\n\n")) + "```\n";

        var pieces = TextSplitter.Split(before + code, 4000);

        Assert.Equal(before, pieces[0]);
        Assert.Equal(before + code, string.Concat(pieces));
    }

    [Fact]
    public void Without_any_space_a_long_word_is_cut_between_graphemes_only()
    {
        var answer = string.Concat(Enumerable.Repeat("👩‍💻e\u0301🇩🇪", 3000));

        var pieces = TextSplitter.Split(answer, 4096);

        Assert.Equal(answer, string.Concat(pieces));
        Assert.All(pieces, p => Assert.True(p.Length <= 4096));
        var boundaries = GraphemeBoundaries(answer);
        var at = 0;
        foreach (var piece in pieces)
        {
            at += piece.Length;
            Assert.Contains(at, boundaries);
        }
    }

    [Fact]
    public void A_sentence_end_is_preferred_to_any_space()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("word", 100)) + ". ";
        var answer = string.Concat(Enumerable.Repeat(sentence, 20));

        var pieces = TextSplitter.Split(answer, 4000);

        Assert.All(pieces.SkipLast(1), p => Assert.EndsWith(". ", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_call_is_one_short_red_embed()
    {
        var failed = new ModelOutcome.Failed("Review", "google/gemini-flash", TimeSpan.FromSeconds(3), 2,
            "OpenRouter says the account is out of credits (402).", 402);

        var embed = Assert.Single(Assert.Single(DiscordRenderer.Answers(failed, "Review")).Embeds!);

        Assert.Equal(DiscordRenderer.FailureColour, embed.Color);
        Assert.Equal("Review", embed.Title);
        Assert.Equal("gemini-flash could not answer: OpenRouter says the account is out of credits (402). The other answers are unaffected.", embed.Description);
    }

    [Fact]
    public void A_huge_failure_reason_is_clipped_within_limits()
    {
        var failed = new ModelOutcome.Failed("Review", "m", TimeSpan.Zero, 1, new string('x', 20_000), 500);

        var messages = DiscordRenderer.Answers(failed, "Review");

        AssertWithinLimits(messages, "failure");
        Assert.EndsWith("… The other answers are unaffected.", messages[0].Embeds![0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_footer_leaves_out_what_is_unknown()
    {
        var none = new ModelOutcome.Succeeded("S", Model, TimeSpan.FromSeconds(6.1), 1, "a", null, null, null, null);
        var completionOnly = none with { CompletionTokens = 312 };

        Assert.Equal("6.1 s", Format.Usage(none));
        Assert.Equal("312 tokens · 6.1 s", Format.Usage(completionOnly));
        Assert.Equal("1,204 → 312 tokens · $0.0021 · 6.1 s", Format.Usage(Succeeded("a")));
    }

    [Fact]
    public void An_empty_answer_still_shows_who_answered()
    {
        var embed = Assert.Single(Assert.Single(DiscordRenderer.Answers(Succeeded("  \n"), "Summary")).Embeds!);

        Assert.Contains("empty answer", embed.Description, StringComparison.Ordinal);
        Assert.NotNull(embed.Footer);
    }

    [Fact]
    public void Colours_are_stable_per_model_and_never_the_failure_red()
    {
        string[] models = ["openai/gpt-4o-mini", "anthropic/claude-3.5-haiku", "google/gemini-flash-1.5", "meta/llama", "x/y", "z"];

        var colours = models.Select(DiscordRenderer.ColourFor).ToList();

        Assert.Equal(colours, models.Select(DiscordRenderer.ColourFor));
        Assert.DoesNotContain(DiscordRenderer.FailureColour, colours);
        Assert.True(colours.Distinct().Count() >= 3);
    }

    internal static void AssertWithinLimits(IReadOnlyList<MessageBody> messages, string because)
    {
        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            Assert.True((message.Content?.Length ?? 0) <= DiscordLimits.Content, because);
            Assert.True(message.Embeds is { Count: > 0 and <= DiscordLimits.EmbedsPerMessage }, because);
            Assert.True(DiscordLimits.EmbedsLength(message.Embeds) <= DiscordLimits.EmbedTotal, $"{because}: {DiscordLimits.EmbedsLength(message.Embeds)} > 6000");
            foreach (var embed in message.Embeds!)
            {
                Assert.True((embed.Title?.Length ?? 0) <= DiscordLimits.EmbedTitle, because);
                Assert.True((embed.Description?.Length ?? 0) <= DiscordLimits.EmbedDescription, because);
                Assert.True((embed.Author?.Name.Length ?? 0) <= DiscordLimits.AuthorName, because);
                Assert.True((embed.Footer?.Text.Length ?? 0) <= DiscordLimits.FooterText, because);
            }
            Assert.NotNull(message.AllowedMentions);
            Assert.Empty(message.AllowedMentions.Parse);
            using var json = JsonDocument.Parse(JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessageBody));
            Assert.Null(FakeDiscordBodyRules.CheckMessage(json.RootElement, isCreate: true, fileCount: 0));
        }
    }

    // Every cut is at whitespace or CJK sentence punctuation, unless the piece is all one word too long to fit;
    // and no cut splits a grapheme.
    private static void AssertCleanCuts(string answer, List<string> pieces, string because)
    {
        var boundaries = GraphemeBoundaries(answer);
        var at = 0;
        foreach (var piece in pieces[..^1])
        {
            at += piece.Length;
            var last = piece[^1];
            if (!char.IsWhiteSpace(last) && last is not ('。' or '！' or '？'))
            {
                Assert.True(!piece.Any(char.IsWhiteSpace), $"{because}: mid-word cut at {at} though the piece has spaces");
            }
            Assert.True(boundaries.Contains(at) || char.IsWhiteSpace(last), $"{because}: cut at {at} splits a grapheme");
        }
    }

    private static HashSet<int> GraphemeBoundaries(string text)
    {
        var boundaries = new HashSet<int>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            boundaries.Add(enumerator.ElementIndex);
        }
        boundaries.Add(text.Length);
        return boundaries;
    }

    private static ModelOutcome.Succeeded Succeeded(string answer) =>
        new ModelOutcome.Succeeded("Summary", Model, TimeSpan.FromSeconds(6.1), 1, answer, "OpenAI", 1204, 312, 0.0021m);
}
