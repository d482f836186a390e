using MediaAnalysis.Configuration;

namespace MediaAnalysis.Pipeline.Download;

public sealed class MediaOptions : IValidatedOptions
{
    public const string SectionName = "Media";

    // "*.slack.com": Slack serves files from files.slack.com and redirects some (Enterprise Grid, Slack Connect)
    // to files-origin.slack.com and other hosts under slack.com.
    public static readonly IReadOnlyList<string> DefaultAllowedHosts =
        ["cdn.discordapp.com", "media.discordapp.net", "files.slack.com", "*.slack.com"];

    public long MaxBytes { get; set; } = 1L << 30;

    // Null means "not configured": the binder would append to a list with defaults in it.
    public List<string>? AllowedHosts { get; set; }

    public bool AllowHttp { get; set; }

    // Allowed names may resolve to private, loopback or link-local addresses (a file host inside your network).
    public bool AllowPrivateAddresses { get; set; }

    // Per-job folders go under this; on disk, never tmpfs (tmpfs is memory).
    public string? TempPath { get; set; }

    // Folder holding ffmpeg and ffprobe; empty means "find them on PATH".
    public string? FFmpegPath { get; set; }

    // A download that sends nothing for this long, or takes longer than DownloadTimeout, is stopped.
    public TimeSpan DownloadIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(15);

    // Jobs downloading and extracting at the same time (each a video on disk and an ffmpeg child).
    public int MaxConcurrentDownloads { get; set; } = 2;

    // Longer tracks are refused once probed, before any transcription: Deepgram bills by the minute, and 1 GB of
    // low-bitrate audio is ~290 hours.
    public int MaxDurationMinutes { get; set; } = 180;

    public IReadOnlyList<string> EffectiveAllowedHosts => AllowedHosts is { Count: > 0 } hosts ? hosts : DefaultAllowedHosts;

    public string EffectiveTempPath =>
        string.IsNullOrWhiteSpace(TempPath) ? Path.Combine(Path.GetTempPath(), "media-analysis") : TempPath;

    public IEnumerable<string> Validate()
    {
        if (MaxBytes <= 0)
        {
            yield return $"{SectionName}:MaxBytes must be a positive number of bytes, got {MaxBytes}";
        }
        for (var i = 0; i < EffectiveAllowedHosts.Count; i++)
        {
            if (!HostAllowList.IsValidEntry(EffectiveAllowedHosts[i]))
            {
                yield return $"{SectionName}:AllowedHosts:{i} must be a host name (or *.domain for every host under it) with an optional :port, got '{EffectiveAllowedHosts[i]}'";
            }
        }
        if (MaxConcurrentDownloads < 1)
        {
            yield return $"{SectionName}:MaxConcurrentDownloads must be at least 1, got {MaxConcurrentDownloads}";
        }
        if (MaxDurationMinutes < 1)
        {
            yield return $"{SectionName}:MaxDurationMinutes must be at least 1, got {MaxDurationMinutes}";
        }
        if (OptionChecks.Positive($"{SectionName}:DownloadIdleTimeout", DownloadIdleTimeout) is { } idle)
        {
            yield return idle;
        }
        if (OptionChecks.Positive($"{SectionName}:DownloadTimeout", DownloadTimeout) is { } total)
        {
            yield return total;
        }
    }
}
