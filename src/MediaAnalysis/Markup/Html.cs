namespace MediaAnalysis.Markup;

// Text and attribute values for HTML: the five characters that could end a text run or a quoted attribute are
// escaped; every script and emoji stays as written (the page is UTF-8).
public static class Html
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("&<>\"'\0");

    public static void Text(TextWriter writer, string? text) => Text(writer, text.AsSpan());

    // A piece of a longer text (a transcript streamed in chunks).
    public static void Text(TextWriter writer, ReadOnlySpan<char> span)
    {
        ArgumentNullException.ThrowIfNull(writer);
        while (span.Length > 0)
        {
            var next = span.IndexOfAny(Special);
            if (next < 0)
            {
                writer.Write(span);
                return;
            }
            writer.Write(span[..next]);
            writer.Write(span[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => "\uFFFD",
            });
            span = span[(next + 1)..];
        }
    }

    public static string Encode(string? text)
    {
        using var writer = new StringWriter();
        Text(writer, text);
        return writer.ToString();
    }
}
