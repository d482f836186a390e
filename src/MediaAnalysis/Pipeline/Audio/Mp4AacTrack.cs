using MediaAnalysis.Pipeline.Download;

namespace MediaAnalysis.Pipeline.Audio;

// The AAC track of an MP4, copied out as ADTS in-process: the same bytes `ffmpeg -map 0:a:0 -c:a copy -f adts`
// writes (tests compare them), without a child process. Why: for the common upload (H.264 + AAC in MP4) the
// stream copy is all ffmpeg does, and a 1 GB, 60-minute file costs it ~0.5 s of CPU parsing 245,000 samples
// and ~40-50 MiB of memory (its index of every sample plus Debian's shared libraries), per job, next to the
// app. Here only the audio track's tables are read (stsz, stco, stsc: ~1 MB for an hour) and its chunks are
// copied through one pooled 1 MiB read buffer and one 64 KiB write buffer. Anything this does not know for
// certain (another codec, HE-AAC, a channel layout in a PCE, a trimming edit list, fragments, a table that does
// not add up) returns null, and ffprobe and ffmpeg take the file as before; they also give every verdict on a
// bad file.
// The track's parts: Mp4AacTrackReader reads it, Mp4SampleTable walks its samples, Mp4AdtsCopy writes the ADTS.
public sealed class Mp4AacTrack
{
    private readonly Mp4SampleTable _samples;
    private readonly byte[] _adtsHeader;

    internal Mp4AacTrack(Mp4SampleTable samples, byte[] adtsHeader, int streamIndex)
    {
        _samples = samples;
        _adtsHeader = adtsHeader;
        StreamIndex = streamIndex;
    }

    public int SampleCount => _samples.SampleCount;
    public int StreamIndex { get; }
    public TimeSpan Duration { get; internal init; }
    public TimeSpan MovieDuration { get; internal set; }
    public bool HasVideo { get; internal set; }
    // The end of the last audio sample in the file: a file shorter than this is cut short.
    public long DataEnd => _samples.DataEnd;

    public ProbedMedia ToProbedMedia() =>
        new(MovieDuration > TimeSpan.Zero ? MovieDuration : Duration, Duration, "aac", StreamIndex, HasVideo);

    // The moov box at [moovStart, moovEnd) of a file still downloading (the box itself is on disk); null if
    // its audio track is not one to copy here.
    public static Mp4AacTrack? TryRead(string path, long moovStart, long moovEnd, out string? whyNot) =>
        Mp4AacTrackReader.TryReadMoov(path, moovStart, moovEnd, out whyNot);

    // The moov box of a whole file, wherever it is (first or last), or null.
    public static Mp4AacTrack? TryReadWhole(string path, out string? whyNot) =>
        Mp4AacTrackReader.TryReadMoov(path, 0, null, out whyNot);

    // Writes the track as ADTS to `output`. With `growing`, the file is still downloading: each chunk is read
    // once the download has passed it. Returns false if the file ended before the track did (a file cut short).
    public Task<bool> CopyAsync(string input, string output, GrowingFile? growing, CancellationToken cancellationToken) =>
        Mp4AdtsCopy.CopyAsync(_samples, _adtsHeader, input, output, growing, cancellationToken);
}
