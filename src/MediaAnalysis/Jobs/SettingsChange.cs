namespace MediaAnalysis.Jobs;

// One change to a server's settings: when, by whom (a display form such as "<@123>"), and what, in words.
public sealed record SettingsChange(DateTimeOffset At, string By, string What);
