using System.Text;
using System.Text.Json;
using MediaAnalysis.Pipeline.Analysis;

namespace MediaAnalysis.Tests.Pipeline;

public sealed class JsonEscapingTests
{
    [Theory]
    [InlineData("plain text")]
    [InlineData("quotes \" and \\ backslashes")]
    [InlineData("lines\nand\r\ttabs\b\f and \u0001 \u001f controls")]
    [InlineData("Grüße, 日本語, emoji 🎬 and </script>")]
    [InlineData("")]
    public void Escaped_text_parses_back_to_the_same_string(string text)
    {
        var escaped = JsonEscaping.EscapeToUtf8(text);

        var parsed = JsonSerializer.Deserialize<string>(Encoding.UTF8.GetBytes("\"" + Encoding.UTF8.GetString(escaped) + "\""));

        Assert.Equal(text, parsed);
    }

    [Fact]
    public void Non_ascii_stays_utf8_instead_of_six_byte_escapes()
    {
        Assert.Equal(Encoding.UTF8.GetByteCount("é日🎬"), JsonEscaping.EscapeToUtf8("é日🎬").Length);
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        var escaped = JsonEscaping.EscapeToUtf8("a\uD800b");

        Assert.Equal("a\uFFFDb", JsonSerializer.Deserialize<string>("\"" + Encoding.UTF8.GetString(escaped) + "\""));
    }

    [Fact]
    public void Pieces_escaped_apart_concatenate_into_one_valid_string()
    {
        var random = new Random(7);
        var alphabet = "ab \"\\\n\té日🎬\u0002".EnumerateRunes().Select(r => r.ToString()).ToArray();
        for (var round = 0; round < 200; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var cut = random.Next(0, text.Length + 1);
            while (cut > 0 && cut < text.Length && char.IsLowSurrogate(text[cut]))
            {
                cut--;
            }
            var joined = JsonEscaping.EscapeToUtf8(text[..cut]).Concat(JsonEscaping.EscapeToUtf8(text[cut..])).ToArray();

            Assert.Equal(text, JsonSerializer.Deserialize<string>("\"" + Encoding.UTF8.GetString(joined) + "\""));
        }
    }
}
