using System.Text;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Tests.Pipeline.Transcription;

public sealed class TranscriptTextTests
{
    private static readonly Transcript TwoVoices = new("Hello there. Yes, hi.", 4000, "de", null)
    {
        Paragraphs = [new(1.2, 9.9, 1, "Hello there."), new(724.3, 741.0, 2, "Yes, hi."), new(3725.0, 3730.0, 1, "Bye.")],
        LanguageChosen = true,
    };

    [Fact]
    public void The_file_has_a_header_and_one_block_a_paragraph_with_hours_from_an_hour()
    {
        var file = TranscriptText.File("standup.mp4", TwoVoices);

        Assert.Equal(
            "Transcript of standup.mp4\nLength: 1:06:40\nLanguage: German (chosen)\nSpeakers: 2\n\n"
            + "[0:01] Speaker 1: Hello there.\n\n[12:04] Speaker 2: Yes, hi.\n\n[1:02:05] Speaker 1: Bye.\n",
            file);
    }

    [Fact]
    public void One_voice_has_no_labels_anywhere()
    {
        var one = new Transcript("A. B.", 30, "en", null) { Paragraphs = [new(0, 10, null, "A."), new(12, 20, null, "B.")] };

        Assert.Equal("[0:00] A.\n\n[0:12] B.", TranscriptText.Blocks(one));
        Assert.Equal("[0:00] A.\n[0:12] B.", TranscriptText.Prompt(one));
        Assert.Contains("Speakers: 1\n", TranscriptText.File("x.mp4", one), StringComparison.Ordinal);
        Assert.Contains("Language: English (detected)", TranscriptText.File("x.mp4", one), StringComparison.Ordinal);
    }

    [Fact]
    public void The_models_get_one_compact_label_a_paragraph()
    {
        Assert.Equal("[0:01] S1: Hello there.\n[12:04] S2: Yes, hi.\n[1:02:05] S1: Bye.", TranscriptText.Prompt(TwoVoices));
    }

    [Fact]
    public void A_transcript_stored_before_paragraphs_is_its_plain_text()
    {
        var plain = new Transcript("just words", 10, null, null);

        Assert.Equal("just words", TranscriptText.Blocks(plain));
        Assert.Equal("just words", TranscriptText.Prompt(plain));
        Assert.DoesNotContain("[m:ss]", AnswerInstructions.For(plain), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_60_minute_diarized_transcript_the_labels_add_at_most_10_percent()
    {
        using var body = new MemoryStream();
        var text = DeepgramResponses.SpeechFor(3600);
        await DeepgramResponses.WriteAsync(body, 3600, text, speakers: 3, detectedLanguage: "en", CancellationToken.None);
        body.Position = 0;
        var read = await DeepgramResponseReader.ReadAsync(body, CancellationToken.None);
        var transcript = new Transcript(read.Transcript!, 3600, "en", null) { Paragraphs = read.Paragraphs };

        var plain = JsonEscaping.EscapeToUtf8(text).Length;
        var labelled = JsonEscaping.EscapeToUtf8(TranscriptText.PromptPieces(transcript)).Length;

        Assert.Equal(Encoding.UTF8.GetBytes(TranscriptText.Prompt(transcript).Replace("\n", "\\n", StringComparison.Ordinal)).Length, labelled);
        Assert.InRange((double)labelled / plain, 1.0, 1.10);
    }

    [Fact]
    public void The_instruction_asks_for_cited_moments_and_names_the_language()
    {
        var instruction = AnswerInstructions.For(TwoVoices);

        Assert.Contains("[12:04]", instruction, StringComparison.Ordinal);
        Assert.EndsWith("Answer in German.", instruction, StringComparison.Ordinal);
        Assert.EndsWith("Answer in the language the speakers use.", AnswerInstructions.For(TwoVoices with { Language = null }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stored_document_round_trips_and_a_damaged_one_reads_as_none()
    {
        var document = TranscriptDocument.Write(TwoVoices.Paragraphs, languageChosen: true);
        var (paragraphs, chosen) = TranscriptDocument.Read(document);

        Assert.Equal(TwoVoices.Paragraphs, paragraphs);
        Assert.True(chosen);
        Assert.Empty(TranscriptDocument.Read("{\"p\":[[1]]}").Paragraphs);
        Assert.Empty(TranscriptDocument.Read(null).Paragraphs);
    }
}
