namespace MediaAnalysis.Fakes;

// A transcript cut the way Deepgram reports it: timed words, sentences, and paragraphs of sentences,
// with the words spread evenly over the audio.
internal sealed class TranscriptLayout
{
    private const int SentencesPerParagraph = 5;

    private TranscriptLayout(string transcript, Word[] words, List<Range> sentences)
    {
        Transcript = transcript;
        Words = words;
        Sentences = sentences;
    }

    public string Transcript { get; }

    public IReadOnlyList<Word> Words { get; }

    // Word index ranges, end exclusive.
    public IReadOnlyList<Range> Sentences { get; }

    public IEnumerable<IReadOnlyList<Range>> Paragraphs => Sentences.Chunk(SentencesPerParagraph);

    // Diarized: paragraphs take turns among this many voices (0-based, as Deepgram numbers them); 0 = not diarized.
    public int Speakers { get; private set; }

    public int SpeakerOfParagraph(int paragraph) => Speakers == 0 ? 0 : paragraph % Speakers;

    // Words in order: the caller walks them once, so the sentence is found by moving forward.
    public int SpeakerOfWord(int word, ref int sentence)
    {
        while (sentence < Sentences.Count - 1 && Sentences[sentence].End.Value <= word)
        {
            sentence++;
        }
        return SpeakerOfParagraph(sentence / SentencesPerParagraph);
    }

    public string SentenceText(Range sentence) =>
        string.Join(' ', Words.Take(sentence).Select(w => w.Punctuated));

    public static TranscriptLayout Build(string text, double seconds, int speakers)
    {
        var layout = Build(text, seconds);
        layout.Speakers = speakers;
        return layout;
    }

    public static TranscriptLayout Build(string text, double seconds)
    {
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var words = new Word[tokens.Length];
        var slot = tokens.Length == 0 ? 0 : seconds / tokens.Length;
        var sentences = new List<Range>();
        var sentenceStart = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var start = Math.Round(i * slot, 4);
            var confidence = 0.85 + (0.149 * ((i * 7919 % 1000) / 1000.0));
            words[i] = new Word(Bare(tokens[i]), tokens[i], start, Math.Round(start + (slot * 0.85), 4), Math.Round(confidence, 6));
            if (tokens[i][^1] is '.' or '?' or '!' || i == tokens.Length - 1)
            {
                sentences.Add(sentenceStart..(i + 1));
                sentenceStart = i + 1;
            }
        }
        return new TranscriptLayout(string.Join(' ', tokens), words, sentences);
    }

    private static string Bare(string token) =>
        token.Trim('.', ',', '?', '!', ';', ':', '"', '(', ')').ToLowerInvariant();

    internal readonly record struct Word(string Text, string Punctuated, double Start, double End, double Confidence);
}
