using System.Text;
using MediaAnalysis.Chat;

namespace MediaAnalysis.Tests.Chat;

public sealed class UploadFileNamesTests
{
    [Theory]
    [InlineData("会议.mp4", "会议.transcript.txt")]
    [InlineData("Встреча команды.mov", "Встреча_команды.transcript.txt")]
    [InlineData("बैठक.mp4", "बैठक.transcript.txt")]
    [InlineData("invoice\u202Egnp.exe.mp4", "invoice_gnp.exe.transcript.txt")]
    [InlineData("zero\u200Bwidth.mp4", "zero_width.transcript.txt")]
    [InlineData("../../会议.mp4", "会议.transcript.txt")]
    [InlineData("🎬 demo.mp4", "demo.transcript.txt")]
    public void Names_keep_every_script_and_lose_everything_else(string source, string expected)
    {
        Assert.Equal(expected, UploadFileNames.Transcript(source, 100));
    }

    [Fact]
    public void The_limit_is_in_utf8_bytes_and_never_cuts_a_character()
    {
        // 3 bytes each: 85 bytes leave room for 28 of them before ".transcript.txt".
        var name = UploadFileNames.Transcript(new string('会', 80) + ".mp4", 100);

        Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, 100);
        Assert.Equal(new string('会', 28) + ".transcript.txt", name);
        // A letter with its combining accent stays whole.
        var accented = UploadFileNames.Safe(new string('a', 98) + "e\u0301", "x", 100);
        Assert.Equal(new string('a', 98), accented);
    }
}
