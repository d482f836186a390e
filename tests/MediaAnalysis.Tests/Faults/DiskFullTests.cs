using System.Diagnostics;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Tests.Chat.Discord;

namespace MediaAnalysis.Tests.Faults;

// The temp folder on a 256 KB tmpfs: a video that does not fit fails its job with "the disk is full" told
// to the person, leaves nothing behind, and once there is room the next job works. Needs root for mount
// (CI and the bench machines run as root); elsewhere it says so and checks nothing.
[Collection(MediaCollection.Name)]
public sealed class DiskFullTests(MediaFiles media)
{
    [Fact]
    public async Task A_full_temp_disk_fails_the_job_politely_and_the_next_one_works_once_there_is_room()
    {
        if (Environment.UserName != "root")
        {
            Console.WriteLine("DiskFullTests: not root, cannot mount a small tmpfs; not checked.");
            return;
        }
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/attachments/standup.mp4", media[TestVideoKind.Normal]);
        var small = Path.Combine(outside.Root, "small-disk");
        Directory.CreateDirectory(small);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small);
        try
        {
            await using var d = await DiscordFlowHarness.StartAsync(outside, new() { ["Media:TempPath"] = small });

            var full = d.SlashCommand("standup.mp4");
            await d.InteractAsync(full);
            var failed = await d.WaitForJobAsync(full["id"]!.GetValue<string>());

            Assert.Equal(JobState.Failed, failed.State);
            Assert.Contains("disk is full", failed.Note, StringComparison.Ordinal);
            // The person's status message was edited to say so.
            Assert.Contains(d.Discord.Requests, r => r.Method == "PATCH" && (r.Body ?? "").Contains("disk is full", StringComparison.Ordinal));
            Assert.Empty(Directory.EnumerateFileSystemEntries(small));
            Assert.Empty(outside.Deepgram.Requests);

            await RunAsync("mount", "-o", "remount,size=64m", small);
            var next = d.SlashCommand("standup.mp4");
            await d.InteractAsync(next);
            Assert.Equal(JobState.Done, (await d.WaitForJobAsync(next["id"]!.GetValue<string>())).State);
            Assert.Empty(Directory.EnumerateFileSystemEntries(small));
        }
        finally
        {
            await RunAsync("umount", small);
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error}");
    }
}
