namespace MediaAnalysis.Jobs;

public enum FailureKind
{
    // The link or file was refused before any work: host, scheme, size, not found.
    SourceRefused,
    // The file is not usable media: not a video, truncated, corrupt, no audio track.
    BadMedia,
    // ffmpeg failed on a file that looked fine, or the disk is full.
    ExtractionFailed,
    TranscriptionFailed,
    // The job's estimated cost does not fit what is left of its server's monthly budget (nothing was spent).
    OverBudget,
    // The platform would not take the answers (the bot was removed from the channel, its token revoked).
    ReplyFailed,
}
