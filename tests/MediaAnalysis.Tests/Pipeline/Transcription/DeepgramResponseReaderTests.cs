using System.Text;
using System.Text.Json;
using MediaAnalysis.Fakes;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Tests.Pipeline.Transcription;

public sealed class DeepgramResponseReaderTests
{
    // shared/protocols/deepgram/deepgram-response.json (nova-3, smart_format, the "Bueller" sample), words cut to two.
    private const string Sample = """
        {"metadata":{"transaction_key":"deprecated","request_id":"0e91145a-2e66-4384-9956-b68b9ec6703f","sha256":"5324",
         "created":"2025-06-22T16:50:01.511Z","duration":17.566313,"channels":1,"models":["3b3a"],
         "model_info":{"3b3a":{"name":"general-nova-3","version":"2024-12-20.0","arch":"nova-3"}}},
         "results":{"channels":[{"alternatives":[{"transcript":"Yep. I said it before, and I'll say it again. Life moves pretty fast. You don't stop and look around once in a while, you could miss it.",
          "confidence":0.9991429,
          "words":[{"word":"yep","start":5.52,"end":6.2400002,"confidence":0.92345256,"punctuated_word":"Yep."},
                   {"word":"i","start":6.96,"end":7.2799997,"confidence":0.5776232,"punctuated_word":"I"}],
          "paragraphs":{"transcript":"\nYep. I said it before, and I'll say it again. Life moves pretty fast. You don't stop and look around once in a while, you could miss it.",
           "paragraphs":[{"sentences":[{"text":"Yep.","start":5.52,"end":6.2400002},
             {"text":"I said it before, and I'll say it again.","start":6.96,"end":8.96},
             {"text":"Life moves pretty fast.","start":10.071313,"end":11.671312},
             {"text":"You don't stop and look around once in a while, you could miss it.","start":12.071312,"end":15.5113125}],
            "start":5.52,"end":15.5113125,"num_words":28}]}}]}]}}
        """;

    [Fact]
    public async Task Deepgrams_sample_reads_into_one_paragraph_with_its_times_and_no_speaker()
    {
        var read = await DeepgramResponseReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Sample)), CancellationToken.None);

        Assert.Equal("0e91145a-2e66-4384-9956-b68b9ec6703f", read.RequestId);
        Assert.Equal(17.566313, read.Duration);
        Assert.StartsWith("Yep. I said it before", read.Transcript, StringComparison.Ordinal);
        var paragraph = Assert.Single(read.Paragraphs);
        Assert.Equal((5.52, 15.5113125, (int?)null), (paragraph.Start, paragraph.End, paragraph.Speaker));
        Assert.Equal("Yep. I said it before, and I'll say it again. Life moves pretty fast. You don't stop and look around once in a while, you could miss it.", paragraph.Text);
    }

    [Fact]
    public async Task A_diarized_hour_read_a_few_bytes_at_a_time_keeps_every_paragraph_and_numbers_speakers_from_one()
    {
        var text = DeepgramResponses.SpeechFor(3600);
        using var body = new MemoryStream();
        await DeepgramResponses.WriteAsync(body, 3600, text, speakers: 2, detectedLanguage: "en", CancellationToken.None);
        body.Position = 0;

        var read = await DeepgramResponseReader.ReadAsync(new TrickleStream(body), CancellationToken.None);

        Assert.Equal(3600, read.Duration);
        Assert.Equal("en", read.DetectedLanguage);
        Assert.Equal(text, read.Transcript);
        Assert.True(read.Paragraphs.Count > 100, $"{read.Paragraphs.Count} paragraphs");
        Assert.Equal([1, 2], read.Paragraphs.Select(p => p.Speaker ?? 0).Distinct().Order());
        Assert.Equal(1, read.Paragraphs[0].Speaker);
        Assert.Equal(2, read.Paragraphs[1].Speaker);
        // Every word is in exactly one paragraph, in order.
        Assert.Equal(text, string.Join(' ', read.Paragraphs.Select(p => p.Text)));
        Assert.True(read.Paragraphs.Zip(read.Paragraphs.Skip(1)).All(p => p.First.End <= p.Second.Start));
        Assert.InRange(read.Paragraphs[^1].End, 3500, 3600);
    }

    [Fact]
    public async Task One_voice_gets_no_speaker_labels()
    {
        using var body = new MemoryStream();
        await DeepgramResponses.WriteAsync(body, 120, DeepgramResponses.SpeechFor(120), speakers: 1, detectedLanguage: null, CancellationToken.None);
        body.Position = 0;

        var read = await DeepgramResponseReader.ReadAsync(body, CancellationToken.None);

        Assert.True(read.Paragraphs.Count > 1);
        Assert.All(read.Paragraphs, p => Assert.Null(p.Speaker));
    }

    [Fact]
    public async Task An_answer_cut_short_is_unreadable_not_a_shorter_transcript()
    {
        using var body = new MemoryStream();
        await DeepgramResponses.WriteAsync(body, 600, DeepgramResponses.SpeechFor(600), speakers: 2, detectedLanguage: "en", CancellationToken.None);
        var cut = body.ToArray().AsMemory(0, (int)body.Length / 2).ToArray();

        await Assert.ThrowsAnyAsync<JsonException>(() => DeepgramResponseReader.ReadAsync(new MemoryStream(cut), CancellationToken.None));
    }

    // Hands out 1 to 7 bytes a read, so every token is split across reads somewhere.
    private sealed class TrickleStream(Stream inner) : Stream
    {
        private int _next = 1;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            _next = (_next % 7) + 1;
            return inner.Read(buffer, offset, Math.Min(count, _next));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
