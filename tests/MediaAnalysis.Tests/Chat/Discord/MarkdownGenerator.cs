using System.Text;

namespace MediaAnalysis.Tests.Chat.Discord;

// Random long LLM-style answers: paragraphs, headings, lists, code fences, lines with no break, words longer
// than any limit, non-ASCII text, emoji with surrogate pairs, ZWJ sequences, flags and combining marks.
internal static class MarkdownGenerator
{
    private static readonly string[] Words =
    [
        "the", "meeting", "agreed", "to", "ship", "Résumé", "naïve", "façade", "über", "straße", "会議", "要約",
        "تلخيص", "обзор", "😀", "👩‍💻", "🇩🇪", "e\u0301", "**bold**", "_it_", "`code`", "[link](https://example.com)",
        "@everyone", "<@123>", "2,140", "$0.0021", "—", "…", "🎬", "x̸̢̛", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ];

    public static string Answer(Random random, int targetLength)
    {
        var text = new StringBuilder();
        while (text.Length < targetLength)
        {
            switch (random.Next(10))
            {
                case 0:
                    text.Append("## ").Append(Sentence(random, 5)).Append("\n\n");
                    break;
                case 1:
                    text.Append("```csharp\n");
                    for (var i = random.Next(3, 80); i > 0; i--)
                    {
                        text.Append("    var x = ").Append(Sentence(random, 6)).Append(random.Next(4) == 0 ? "\n\n" : "\n");
                    }
                    text.Append("```\n\n");
                    break;
                case 2:
                    for (var i = random.Next(2, 12); i > 0; i--)
                    {
                        text.Append("- ").Append(Sentence(random, 12)).Append('\n');
                    }
                    text.Append('\n');
                    break;
                case 3:
                    // One line with no break at all, longer than an embed.
                    text.Append(Sentence(random, random.Next(300, 1500))).Append("\n\n");
                    break;
                case 4:
                    // A single "word" longer than any limit, made of multi-unit graphemes too.
                    text.Append(string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "a" : "😀", random.Next(100, 7000)))).Append(' ');
                    break;
                default:
                    text.Append(Sentence(random, random.Next(20, 120))).Append(random.Next(3) == 0 ? "\n" : "\n\n");
                    break;
            }
        }
        return text.ToString();
    }

    private static string Sentence(Random random, int words)
    {
        var sentence = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            sentence.Append(Words[random.Next(Words.Length)]);
            sentence.Append(random.Next(12) switch { 0 => ". ", 1 => ", ", 2 => "! ", 3 => "。", _ => " " });
        }
        return sentence.ToString().TrimEnd();
    }
}
