using MediaAnalysis.Pipeline.Download;

namespace MediaAnalysis.Tests.Pipeline;

public sealed class WritebackPacerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ma-writeback-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Each_step_goes_to_disk_as_the_file_grows_and_the_bytes_stay_whole()
    {
        var path = Path.Combine(_dir, "download.bin");
        var chunk = new byte[64 * 1024];
        new Random(3).NextBytes(chunk);
        long written = 0;
        WritebackPacer pacer;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous))
        {
            pacer = new WritebackPacer(file.SafeFileHandle);
            while (written < (5 * WritebackPacer.Step) + 12345)
            {
                await file.WriteAsync(chunk);
                written += chunk.Length;
                pacer.Wrote(written);
            }
        }

        // sync_file_range worked here (the test machine is Linux): every whole step was handed to writeback and
        // all but the last two were waited for.
        Assert.True(pacer.Active);
        Assert.Equal((5 * WritebackPacer.Step, 3 * WritebackPacer.Step), pacer.Progress);
        Assert.Equal(written, new FileInfo(path).Length);
        await using var check = File.OpenRead(path);
        var back = new byte[chunk.Length];
        for (long at = 0; at < written; at += chunk.Length)
        {
            await check.ReadExactlyAsync(back);
            Assert.True(back.AsSpan().SequenceEqual(chunk), $"bytes differ at {at}");
        }
    }
}
