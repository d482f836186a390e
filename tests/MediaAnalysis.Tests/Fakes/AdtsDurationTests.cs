using MediaAnalysis.Fakes;

namespace MediaAnalysis.Tests.Fakes;

// The fake Deepgram's load mode times ADTS audio from its frame headers instead of a child process: the
// length must be ffprobe's packet count exactly, and anything that is not a whole ADTS stream goes back to
// ffprobe (null).
public sealed class AdtsDurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ma-adts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(44100, 2)]
    [InlineData(16000, 1)]
    public async Task An_ADTS_stream_lasts_its_frames_times_1024_samples(int rate, int channels)
    {
        var adts = Path.Combine(_dir, "a.aac");
        await FfmpegCli.RunAsync($"-f lavfi -i sine=frequency=300:duration=3.3 -ar {rate} -ac {channels} -c:a aac -f adts \"{adts}\"");

        Assert.Equal(await Ffprobe.AacSecondsAsync(adts), AdtsDuration.Of(adts)!.Value, precision: 9);
    }

    [Fact]
    public async Task A_cut_stream_an_MP4_and_an_empty_file_are_left_to_ffprobe()
    {
        var adts = Path.Combine(_dir, "a.aac");
        await FfmpegCli.RunAsync($"-f lavfi -i sine=frequency=300:duration=2 -c:a aac -f adts \"{adts}\"");
        var cut = Path.Combine(_dir, "cut.aac");
        var bytes = await File.ReadAllBytesAsync(adts);
        await File.WriteAllBytesAsync(cut, bytes[..^100]);
        var mp4 = Path.Combine(_dir, "a.mp4");
        await FfmpegCli.RunAsync($"-i \"{adts}\" -c copy \"{mp4}\"");
        var empty = Path.Combine(_dir, "empty.aac");
        await File.WriteAllBytesAsync(empty, []);

        Assert.NotNull(AdtsDuration.Of(adts));
        Assert.Null(AdtsDuration.Of(cut));
        Assert.Null(AdtsDuration.Of(mp4));
        Assert.Null(AdtsDuration.Of(empty));
    }
}
