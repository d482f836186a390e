using FFMpegCore;
using MediaAnalysis.Pipeline.Download;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline.Audio;

// Per-run FFOptions from configuration; never the static GlobalFFOptions.
public sealed class FFmpegLocator(IOptions<MediaOptions> options)
{
    // Every ffprobe and ffmpeg input: read local files only (no http, no tcp, no data: URLs a playlist could
    // name) and only in the containers the chat pickers take, as ffprobe names their demuxers: MP4/MOV/M4A/3GP
    // "mov", MKV/WebM "matroska", AVI, MP3, WAV, Ogg/Opus, FLAC, AAC (ADTS), MPEG-PS, WMV "asf", FLV, AMR,
    // MPEG-TS. An HLS playlist or DASH manifest saved as clip.mp4 is then "not on the whitelist": refused,
    // no request made.
    public const string InputWhitelist =
        "-protocol_whitelist file -format_whitelist mov,matroska,avi,mp3,wav,ogg,flac,aac,mpeg,asf,flv,amr,mpegts";

    public FFOptions Options(string workingDirectory) => new()
    {
        BinaryFolder = options.Value.FFmpegPath ?? "",
        TemporaryFilesFolder = workingDirectory,
        WorkingDirectory = workingDirectory,
        UseCache = false,
    };
}
