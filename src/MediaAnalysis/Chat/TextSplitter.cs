namespace MediaAnalysis.Chat;

// Cuts a long answer into pieces of at most a given length at the best boundary in reach: a paragraph, then a
// line (both preferably outside ``` blocks), then a sentence, then a space; a single word longer than the limit is
// cut between graphemes. With Slack's markup, never inside a <url|link> or an &amp; entity. Pieces keep their
// separators, so joining them gives the text back exactly (Discord trims each piece's ends when it shows them).
internal sealed class TextSplitter
{
    private readonly string _text;
    private readonly bool _slackMarkup;
    private readonly List<int> _fenceLineStarts = [];
    private int _position;

    public TextSplitter(string text, bool slackMarkup = false)
    {
        _text = text;
        _slackMarkup = slackMarkup;
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

    public static IReadOnlyList<string> Split(string text, int limit, bool slackMarkup = false)
    {
        var splitter = new TextSplitter(text, slackMarkup);
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
        var inLink = false;
        // `cut` is the length of the piece: it ends with _text[start + cut - 1].
        for (var cut = 1; cut <= limit; cut++)
        {
            var c = _text[start + cut - 1];
            if (_slackMarkup && c == '<')
            {
                inLink = true;
            }
            else if (_slackMarkup && c == '>')
            {
                inLink = false;
            }
            if (inLink)
            {
                continue;
            }
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
        return best > 0 ? best : HardCut(start, limit);
    }

    // One "word" longer than the limit: between graphemes, moved back out of a link or an entity it would split.
    private int HardCut(int start, int limit)
    {
        var cut = TextClip.GraphemeBoundaryAtOrBefore(_text, start, limit);
        if (!_slackMarkup)
        {
            return cut;
        }
        var piece = _text.AsSpan(start, cut);
        var open = piece.LastIndexOf('<');
        if (open > 0 && piece[open..].IndexOf('>') < 0)
        {
            return open;
        }
        var amp = piece.LastIndexOf('&');
        if (amp > 0 && amp >= cut - 5 && piece[amp..].IndexOf(';') < 0)
        {
            return amp;
        }
        return cut;
    }

    // Whether `position` (a line start) lies inside a fenced code block: an odd number of fence lines before it.
    private bool InsideFence(int position)
    {
        var index = _fenceLineStarts.BinarySearch(position);
        var before = index >= 0 ? index : ~index;
        return before % 2 == 1;
    }
}
