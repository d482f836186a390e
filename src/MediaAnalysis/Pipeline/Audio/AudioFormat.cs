namespace MediaAnalysis.Pipeline.Audio;

// How the audio track leaves the video. Measured on a 60-minute, 1 GB H.264/AAC video
// (bench/README.md, extract stage): stream copy of AAC to ADTS 1.3 s and ~960 KiB per minute;
// re-encoding to MP3 16 kHz mono 32k 16 s (234 KiB/min); Opus 16 kHz mono 24k 75 s (170 KiB/min).
// Deepgram bills audio minutes, not bytes, and takes all of these containers, so a track in a codec
// it reads is copied (no CPU, ~60x faster, a few seconds more upload); anything else is encoded once
// to Opus, the most compact speech format. The commonest case, AAC in an MP4, does not even reach
// ffmpeg: Mp4AacTrack writes the same ADTS bytes in-process (that hour: 0.14 s from the page cache,
// 0.32 s from a cold disk where `cat` takes 0.29-0.6 s; no child process).
public sealed record AudioFormat(string FFmpegArguments, string Extension, string ContentType, bool Copies)
{
    private static readonly AudioFormat OpusSpeech = new("-c:a libopus -ac 1 -ar 16000 -b:a 24k -application voip -f ogg", ".ogg", "audio/ogg", false);

    public static AudioFormat For(string codec) => codec.ToLowerInvariant() switch
    {
        "aac" => new("-c:a copy -f adts", ".aac", "audio/aac", true),
        "mp3" => new("-c:a copy -f mp3", ".mp3", "audio/mpeg", true),
        "opus" or "vorbis" => new("-c:a copy -f ogg", ".ogg", "audio/ogg", true),
        "flac" => new("-c:a copy -f flac", ".flac", "audio/flac", true),
        _ => OpusSpeech,
    };
}
