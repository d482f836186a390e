using FFMpegCore;
using MediaAnalysis.Pipeline.Download;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline.Audio;

// Per-run FFOptions from configuration; never the static GlobalFFOptions.
public sealed class FFmpegLocator(IOptions<MediaOptions> options)
{
    public FFOptions Options(string workingDirectory) => new()
    {
        BinaryFolder = options.Value.FFmpegPath ?? "",
        TemporaryFilesFolder = workingDirectory,
        WorkingDirectory = workingDirectory,
        UseCache = false,
    };
}
