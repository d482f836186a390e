using System.Buffers;
using System.Text;
using System.Text.Json;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline.Transcription;

// Reads a /v1/listen answer as it streams in, token by token, keeping only what the job needs: the request id and
// duration, the detected language, the plain transcript, and per paragraph its start, end, speaker and sentences'
// text. words[] (about 100 bytes of JSON per spoken word, ~10 MB for three hours) and everything else pass through
// the reader without being decoded or kept, so memory stays at one buffer however long the audio.
internal sealed class DeepgramResponseReader
{
    private const int InitialBuffer = 64 * 1024;

    private readonly Stack<Place> _places = new();
    private readonly List<TranscriptParagraph> _paragraphs = [];
    private readonly StringBuilder _paragraphText = new();
    private Key _key;
    private int _channels;
    private int _alternatives;
    private double _start;
    private double _end;
    private int? _speaker;

    public string? RequestId { get; private set; }

    public double? Duration { get; private set; }

    public string? DetectedLanguage { get; private set; }

    public string? Transcript { get; private set; }

    public bool SawAlternative { get; private set; }

    // Speakers numbered from 1; with one voice (or no diarization) every speaker is null.
    public IReadOnlyList<TranscriptParagraph> Paragraphs =>
        _paragraphs.Select(p => p.Speaker).Distinct().Count() > 1
            ? _paragraphs
            : [.. _paragraphs.Select(p => p with { Speaker = null })];

    public static async Task<DeepgramResponseReader> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var reader = new DeepgramResponseReader();
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var state = new JsonReaderState();
        var filled = 0;
        var final = false;
        try
        {
            while (!final)
            {
                if (filled == buffer.Length)
                {
                    // One token (a long transcript string) is larger than the buffer: grow it, only then.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                final = read == 0;
                filled += read;
                var consumed = reader.Consume(buffer.AsSpan(0, filled), final, ref state);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
            if (filled > 0 || reader._places.Count > 0)
            {
                throw new JsonException("The Deepgram answer ended in the middle.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return reader;
    }

    private int Consume(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state)
    {
        var json = new Utf8JsonReader(data, final, state);
        while (json.Read())
        {
            Token(ref json);
        }
        state = json.CurrentState;
        return (int)json.BytesConsumed;
    }

    private void Token(ref Utf8JsonReader json)
    {
        var here = _places.Count == 0 ? Place.Root : _places.Peek();
        switch (json.TokenType)
        {
            case JsonTokenType.PropertyName:
                _key = here == Place.Skipped ? Key.None : KeyOf(ref json, here);
                return;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                _places.Push(_places.Count == 0 ? Place.Root : Enter(here, json.TokenType == JsonTokenType.StartArray));
                _key = Key.None;
                return;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                var left = _places.Pop();
                if (left == Place.Paragraph)
                {
                    _paragraphs.Add(new TranscriptParagraph(_start, _end, _speaker, _paragraphText.ToString()));
                }
                return;
            default:
                Value(ref json, here);
                _key = Key.None;
                return;
        }
    }

    // Where a container that opens here leads; anything not named below is skipped with all it holds.
    private Place Enter(Place here, bool array) => (here, _key, array) switch
    {
        (Place.Root, Key.Metadata, false) => Place.Metadata,
        (Place.Root, Key.Results, false) => Place.Results,
        (Place.Results, Key.Channels, true) => Place.Channels,
        (Place.Channels, _, false) => _channels++ == 0 ? Place.Channel : Place.Skipped,
        (Place.Channel, Key.Alternatives, true) => Place.Alternatives,
        (Place.Alternatives, _, false) => _alternatives++ == 0 ? AlternativeSeen() : Place.Skipped,
        (Place.Alternative, Key.Paragraphs, false) => Place.ParagraphBlock,
        (Place.ParagraphBlock, Key.Paragraphs, true) => Place.ParagraphList,
        (Place.ParagraphList, _, false) => StartParagraph(),
        (Place.Paragraph, Key.Sentences, true) => Place.Sentences,
        (Place.Sentences, _, false) => Place.Sentence,
        _ => Place.Skipped,
    };

    private Place AlternativeSeen()
    {
        SawAlternative = true;
        return Place.Alternative;
    }

    private Place StartParagraph()
    {
        (_start, _end, _speaker) = (0, 0, null);
        _paragraphText.Clear();
        return Place.Paragraph;
    }

    private void Value(ref Utf8JsonReader json, Place here)
    {
        switch (here, _key, json.TokenType)
        {
            case (Place.Metadata, Key.RequestId, JsonTokenType.String):
                RequestId = json.GetString();
                break;
            case (Place.Metadata, Key.Duration, JsonTokenType.Number):
                Duration = json.GetDouble();
                break;
            case (Place.Channel, Key.DetectedLanguage, JsonTokenType.String):
                DetectedLanguage = json.GetString();
                break;
            case (Place.Alternative, Key.Transcript, JsonTokenType.String):
                Transcript = json.GetString();
                break;
            case (Place.Paragraph, Key.Start, JsonTokenType.Number):
                _start = json.GetDouble();
                break;
            case (Place.Paragraph, Key.End, JsonTokenType.Number):
                _end = json.GetDouble();
                break;
            case (Place.Paragraph, Key.Speaker, JsonTokenType.Number):
                _speaker = json.GetInt32() + 1;
                break;
            case (Place.Sentence, Key.Text, JsonTokenType.String):
                if (_paragraphText.Length > 0)
                {
                    _paragraphText.Append(' ');
                }
                _paragraphText.Append(json.GetString());
                break;
            default:
                break;
        }
    }

    private static Key KeyOf(ref Utf8JsonReader json, Place here) => here switch
    {
        Place.Root => json.ValueTextEquals("metadata"u8) ? Key.Metadata : json.ValueTextEquals("results"u8) ? Key.Results : Key.None,
        Place.Metadata => json.ValueTextEquals("request_id"u8) ? Key.RequestId : json.ValueTextEquals("duration"u8) ? Key.Duration : Key.None,
        Place.Results => json.ValueTextEquals("channels"u8) ? Key.Channels : Key.None,
        Place.Channel => json.ValueTextEquals("alternatives"u8) ? Key.Alternatives
            : json.ValueTextEquals("detected_language"u8) ? Key.DetectedLanguage : Key.None,
        Place.Alternative => json.ValueTextEquals("transcript"u8) ? Key.Transcript
            : json.ValueTextEquals("paragraphs"u8) ? Key.Paragraphs : Key.None,
        Place.ParagraphBlock => json.ValueTextEquals("paragraphs"u8) ? Key.Paragraphs : Key.None,
        Place.Paragraph => json.ValueTextEquals("start"u8) ? Key.Start : json.ValueTextEquals("end"u8) ? Key.End
            : json.ValueTextEquals("speaker"u8) ? Key.Speaker : json.ValueTextEquals("sentences"u8) ? Key.Sentences : Key.None,
        Place.Sentence => json.ValueTextEquals("text"u8) ? Key.Text : Key.None,
        _ => Key.None,
    };

    private enum Place
    {
        Root,
        Skipped,
        Metadata,
        Results,
        Channels,
        Channel,
        Alternatives,
        Alternative,
        ParagraphBlock,
        ParagraphList,
        Paragraph,
        Sentences,
        Sentence,
    }

    private enum Key
    {
        None,
        Metadata,
        Results,
        RequestId,
        Duration,
        Channels,
        Alternatives,
        DetectedLanguage,
        Transcript,
        Paragraphs,
        Start,
        End,
        Speaker,
        Sentences,
        Text,
    }
}
