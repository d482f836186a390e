using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline;

// Event ids 1000-1099. Never log tokens, transcripts or model output.
public static partial class PipelineLog
{
    [LoggerMessage(1000, LogLevel.Information, "Stage {Stage} finished in {Seconds:0.00} s")]
    public static partial void StageDone(ILogger logger, AnalysisStage stage, double seconds);

    [LoggerMessage(1001, LogLevel.Warning, "Download refused for {Authority}: {Reason}")]
    public static partial void DownloadRefused(ILogger logger, string authority, string reason);

    [LoggerMessage(1002, LogLevel.Information, "Downloaded {Bytes} bytes")]
    public static partial void Downloaded(ILogger logger, long bytes);

    [LoggerMessage(1003, LogLevel.Warning, "ffprobe could not read the input: {Detail}")]
    public static partial void ProbeFailed(ILogger logger, string detail);

    [LoggerMessage(1004, LogLevel.Warning, "ffmpeg failed with exit code {ExitCode}: {Stderr}")]
    public static partial void ExtractFailed(ILogger logger, int exitCode, string stderr);

    [LoggerMessage(1005, LogLevel.Warning, "ffmpeg wrote {Extracted:0.0} s of audio where {Expected:0.0} s were expected: {Stderr}")]
    public static partial void ExtractShort(ILogger logger, double extracted, double expected, string stderr);

    [LoggerMessage(1006, LogLevel.Information, "Audio extracted while the video downloaded ({How}): ran {Seconds:0.00} s, {After:0.00} s of it after the last byte")]
    public static partial void ExtractedWhileDownloading(ILogger logger, string how, double seconds, double after);

    [LoggerMessage(1007, LogLevel.Debug, "The audio is left to ffprobe and ffmpeg: {Reason}")]
    public static partial void LeftToFfmpeg(ILogger logger, string reason);

    [LoggerMessage(1008, LogLevel.Information, "AAC track copied in-process: {Bytes} bytes in {Seconds:0.00} s")]
    public static partial void AacCopied(ILogger logger, long bytes, double seconds);

    [LoggerMessage(1010, LogLevel.Warning, "Deepgram answered {Status} ({Code}, request {RequestId}) on try {Attempt}")]
    public static partial void DeepgramError(ILogger logger, int status, string? code, string? requestId, int attempt);

    [LoggerMessage(1011, LogLevel.Warning, "Deepgram gave no answer within {Seconds} s on try {Attempt}")]
    public static partial void DeepgramTimeout(ILogger logger, double seconds, int attempt);

    [LoggerMessage(1012, LogLevel.Warning, "Deepgram request failed on try {Attempt}: {Detail}")]
    public static partial void DeepgramNetwork(ILogger logger, string detail, int attempt);

    [LoggerMessage(1013, LogLevel.Warning, "Deepgram transcribed {Duration:0.0} s of {Expected:0.0} s of audio (request {RequestId}): the upload may have been cut")]
    public static partial void DeepgramShort(ILogger logger, double duration, double expected, string? requestId);

    [LoggerMessage(1020, LogLevel.Information, "{Prompt} by {Model} answered in {Seconds:0.0} s (try {Attempt})")]
    public static partial void ModelAnswered(ILogger logger, string prompt, string model, double seconds, int attempt);

    [LoggerMessage(1021, LogLevel.Warning, "{Prompt} by {Model} failed with status {Status} on try {Attempt}: {Error}")]
    public static partial void ModelFailedAttempt(ILogger logger, string prompt, string model, int status, string error, int attempt);

    [LoggerMessage(1030, LogLevel.Information, "Panel verdict by {Model} written in {Seconds:0.0} s ({Calls} calls)")]
    public static partial void VerdictWritten(ILogger logger, string model, int calls, double seconds);

    [LoggerMessage(1031, LogLevel.Warning, "Panel verdict by {Model} failed on try {Attempt}: {Error}")]
    public static partial void VerdictAttemptFailed(ILogger logger, string model, int attempt, string error);

    [LoggerMessage(1032, LogLevel.Information, "Panel verdict skipped: {Answers} answers came back")]
    public static partial void VerdictSkipped(ILogger logger, int answers);
}
