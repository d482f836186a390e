using System.Globalization;
using System.Text;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Tests.Chat.Discord;

namespace MediaAnalysis.Tests.Security;

// Attachment names come from strangers: path separators, control and format characters, 300 characters.
// They stay text: never a path, within platform limits, one line in a log.
[Collection(MediaCollection.Name)]
public sealed class FileNameTests(MediaFiles media)
{
    public static readonly TheoryData<string> Hostile = new()
    {
        "../../../etc/passwd.mp4",
        "..\\..\\windows\\system32\\a.mp4",
        "/absolute/path.mp4",
        "line one\r\nFAKE LOG LINE level=error.mp4",
        "nul\0byte\u0007bell\u001b[31mred.mp4",
        "invoice\u202Egnp.exe.mp4",
        "zero\u200Bwidth\u2066isolate\u2069.mp4",
        new string('a', 300) + ".mp4",
        "",
        "   ",
        "...",
        "\uFFFD\uFFFD.mp4",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_sanitized_name_is_one_short_line_of_visible_text_with_no_path_in_it(string name)
    {
        var safe = FileNames.Sanitize(name);

        Assert.InRange(safe.Length, 1, FileNames.MaxLength);
        Assert.DoesNotContain('/', safe);
        Assert.DoesNotContain('\\', safe);
        Assert.NotEqual("..", safe);
        Assert.All(safe.EnumerateRunes(), r => Assert.True(
            Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator),
            $"U+{r.Value:X4} in '{safe}'"));
        Assert.Equal(safe, Path.GetFileName(safe)); // as a path it could only ever name a file in the current folder
    }

    [Fact]
    public async Task A_hostile_attachment_name_goes_through_a_whole_discord_job_safely()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/attachments/v.mp4", media[TestVideoKind.Normal]);
        await using var d = await DiscordFlowHarness.StartAsync(outside);
        var name = "../../" + new string('x', 250) + "\r\nFAKE LOG LINE\u202Egnp.exe.mp4";
        var interaction = d.SlashCommand(name, path: "/attachments/v.mp4");

        var reply = await d.InteractAsync(interaction);
        var job = await d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Done, job.State);
        var status = reply["data"]!["content"]!.GetValue<string>();
        Assert.DoesNotContain("\nFAKE LOG LINE", status, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", status, StringComparison.Ordinal);
        Assert.DoesNotContain("../", status, StringComparison.Ordinal);
        var thread = Assert.Single(d.Discord.Threads);
        Assert.NotNull(thread.Name);
        Assert.InRange(thread.Name!.Length, 1, 100);
        Assert.DoesNotContain("\n", thread.Name, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", thread.Name, StringComparison.Ordinal);
        Assert.DoesNotContain("/", job.SourceName, StringComparison.Ordinal);
        var transcriptFile = Assert.Single(d.Discord.MessagesIn(thread.Id)[0].Files).FileName;
        Assert.Matches("^[A-Za-z0-9._-]{1,100}$", transcriptFile);
        // Nothing was written under the name: the job's folder is gone and nothing sits beside it.
        outside.AssertNoJobFilesLeft();
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Root, "*FAKE*", SearchOption.AllDirectories));
    }
}
