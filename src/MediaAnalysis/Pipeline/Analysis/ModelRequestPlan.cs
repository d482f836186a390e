using System.Globalization;
using System.Text;

namespace MediaAnalysis.Pipeline.Analysis;

// The six request bodies of one job, planned once. The transcript is escaped into one UTF-8 block
// that every body points at; each prompt variant's messages are the same bytes for every model:
//   {"model":"M","max_tokens":N,"messages":[{"role":"system","content":"S"},{"role":"user","content":"U1<transcript>U2"}]}
public sealed class ModelRequestPlan
{
    private readonly ReadOnlyMemory<byte> _transcript;
    private readonly (byte[] Head, byte[] Tail)[] _variants;
    private readonly int _maxTokens;

    public ModelRequestPlan(string transcript, IReadOnlyList<PromptVariant> prompts, int maxTokens)
        : this(JsonEscaping.EscapeToUtf8(transcript), prompts, maxTokens, instruction: null)
    {
    }

    // `escapedTranscript`: the transcript block, already JSON-escaped UTF-8. `instruction`: the bot's own lines,
    // appended to every variant's system message.
    public ModelRequestPlan(ReadOnlyMemory<byte> escapedTranscript, IReadOnlyList<PromptVariant> prompts, int maxTokens, string? instruction)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        _transcript = escapedTranscript;
        _maxTokens = maxTokens;
        _variants = new (byte[], byte[])[prompts.Count];
        for (var i = 0; i < prompts.Count; i++)
        {
            var user = prompts[i].User;
            var at = user.IndexOf(PromptVariant.TranscriptPlaceholder, StringComparison.Ordinal);
            var before = user[..at];
            var after = user[(at + PromptVariant.TranscriptPlaceholder.Length)..];
            _variants[i] = (
                Concat("[{\"role\":\"system\",\"content\":\"",
                    string.IsNullOrEmpty(instruction) ? prompts[i].System : $"{prompts[i].System}\n\n{instruction}", "\"},{\"role\":\"user\",\"content\":\"", before),
                Concat("", after, "\"}]}", ""));
        }
    }

    public long TranscriptBytes => _transcript.Length;

    public SplicedJsonContent Body(int variant, string model)
    {
        var (head, tail) = _variants[variant];
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"model\":\"{Encoding.UTF8.GetString(JsonEscaping.EscapeToUtf8(model))}\",\"max_tokens\":{_maxTokens},\"messages\":"));
        return new SplicedJsonContent([prefix, head, _transcript, tail]);
    }

    // raw1 + escaped(text) + raw2 + escaped(text2): the JSON punctuation is raw, the texts escaped.
    private static byte[] Concat(string raw1, string text, string raw2, string text2)
    {
        var parts = new[] { Encoding.UTF8.GetBytes(raw1), JsonEscaping.EscapeToUtf8(text), Encoding.UTF8.GetBytes(raw2), JsonEscaping.EscapeToUtf8(text2) };
        var result = new byte[parts.Sum(p => p.Length)];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, at);
            at += part.Length;
        }
        return result;
    }
}
