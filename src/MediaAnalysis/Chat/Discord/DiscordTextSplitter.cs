namespace MediaAnalysis.Chat.Discord;

// Cuts a long answer into pieces of at most a given length, at the best boundary in reach: a paragraph,
// then a line (both preferably outside ``` code blocks), then a sentence, then a space, and only for a
// single word longer than the limit between two graphemes. Pieces keep their separators, so joining them
// gives the text back exactly; Discord trims the whitespace at each piece's ends when it shows them.
internal sealed class DiscordTextSplitter
{
    private readonly string _text;
    private readonly List<int> _fenceLineStarts = [];
    private int _position;

    public DiscordTextSplitter(string text)
    {
        _text = text;
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart).TrimStart(' ').StartsWith("```", StringComparison.Ordinal))
            {
                _fenceLineStarts.Add(lineStart);
            }
            lineStart = lineEnd < 0 ? text.Length : lineEnd + 1;
        }
    }

    public bool IsDone => _position >= _text.Length;

    public int Remaining => _text.Length - _position;

    public string Next(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var length = NextLength(limit);
        var piece = _text.Substring(_position, length);
        _position += length;
        return piece;
    }

    public static IReadOnlyList<string> Split(string text, int limit)
    {
        var splitter = new DiscordTextSplitter(text);
        var pieces = new List<string>();
        while (!splitter.IsDone)
        {
            pieces.Add(splitter.Next(limit));
        }
        return pieces;
    }

    private int NextLength(int limit)
    {
        if (Remaining <= limit)
        {
            return Remaining;
        }
        var start = _position;
        int paragraphOut = 0, lineOut = 0, paragraph = 0, line = 0, sentence = 0, space = 0;
        // `cut` is the length of the piece: it ends with _text[start + cut - 1].
        for (var cut = 1; cut <= limit; cut++)
        {
            var c = _text[start + cut - 1];
            if (c == '\n')
            {
                var outside = !InsideFence(start + cut);
                var isParagraph = cut >= 2 && _text[start + cut - 2] == '\n';
                line = cut;
                lineOut = outside ? cut : lineOut;
                paragraph = isParagraph ? cut : paragraph;
                paragraphOut = isParagraph && outside ? cut : paragraphOut;
            }
            else if (c is ' ' or '\t')
            {
                space = cut;
                sentence = cut >= 2 && _text[start + cut - 2] is '.' or '!' or '?' or ':' or ';' ? cut : sentence;
            }
            else if (c is '。' or '！' or '？')
            {
                sentence = cut;
            }
        }
        var half = limit / 2;
        foreach (var candidate in (ReadOnlySpan<int>)[paragraphOut, lineOut, paragraph, line, sentence, space])
        {
            if (candidate >= half)
            {
                return candidate;
            }
        }
        var best = Math.Max(Math.Max(paragraph, line), Math.Max(sentence, space));
        return best > 0 ? best : TextClip.GraphemeBoundaryAtOrBefore(_text, start, limit);
    }

    // Whether `position` (a line start) lies inside a fenced code block: an odd number of fence lines before it.
    private bool InsideFence(int position)
    {
        var index = _fenceLineStarts.BinarySearch(position);
        var before = index >= 0 ? index : ~index;
        return before % 2 == 1;
    }
}
