using System.Diagnostics;
using MediaAnalysis.Fakes;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Audio;
using MediaAnalysis.Pipeline.Download;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Pipeline;

[Collection(MediaCollection.Name)]
public sealed class AudioExtractorTests(MediaFiles media) : IAsyncLifetime
{
    private readonly FFmpegLocator _ffmpeg = new(Options.Create(new MediaOptions()));
    private JobWorkspace _workspace = null!;

    public Task InitializeAsync()
    {
        _workspace = JobWorkspace.Create(Path.Combine(Path.GetTempPath(), "ma-extract-tests"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task Aac_is_copied_into_adts_without_reencoding()
    {
        var probed = await Inspector().InspectAsync(media[TestVideoKind.Normal], _workspace.Path, CancellationToken.None);

        var audio = await Extractor().ExtractAsync(media[TestVideoKind.Normal], probed, _workspace.Path, CancellationToken.None);

        Assert.Equal("aac", probed.AudioCodec);
        Assert.True(audio.Copied);
        Assert.Equal("audio/aac", audio.ContentType);
        Assert.InRange(audio.Duration.TotalSeconds, probed.AudioDuration.TotalSeconds - 0.5, probed.AudioDuration.TotalSeconds + 0.5);
    }

    [Fact]
    public async Task Other_codecs_are_encoded_to_mono_opus()
    {
        var wav = Path.Combine(_workspace.Path, "speech.wav");
        await FfmpegCli.RunAsync($"-f lavfi -i sine=frequency=300:duration=3 -ac 2 -c:a pcm_s16le \"{wav}\"");
        var probed = await Inspector().InspectAsync(wav, _workspace.Path, CancellationToken.None);

        var audio = await Extractor().ExtractAsync(wav, probed, _workspace.Path, CancellationToken.None);

        Assert.False(audio.Copied);
        Assert.Equal("audio/ogg", audio.ContentType);
        Assert.True(audio.SizeBytes < new FileInfo(wav).Length / 10);
    }

    [Fact]
    public async Task Cancelling_kills_ffmpeg_at_once()
    {
        // Ten minutes of PCM must be encoded (not copied): long enough to cancel mid-way.
        var wav = Path.Combine(_workspace.Path, "long.wav");
        await FfmpegCli.RunAsync($"-f lavfi -i sine=frequency=300:duration=600 -c:a pcm_s16le \"{wav}\"");
        var probed = await Inspector().InspectAsync(wav, _workspace.Path, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Extractor().ExtractAsync(wav, probed, _workspace.Path, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Empty(FfmpegProcessesUsing(_workspace.Path));
    }

    internal static List<int> FfmpegProcessesUsing(string path)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains("ffmpeg", StringComparison.Ordinal) && cmdline.Contains(path, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    private MediaInspector Inspector() => new(_ffmpeg, NullLogger<MediaInspector>.Instance);

    private AudioExtractor Extractor() => new(_ffmpeg, TimeProvider.System, NullLogger<AudioExtractor>.Instance);
}
