using System.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Cli;

// Stage-by-stage progress on stderr, so stdout stays clean for the answers.
public sealed class ConsoleProgress(TextWriter stderr, int totalCalls) : IAnalysisObserver
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _finished;

    public void StageStarted(AnalysisStage stage) => Write(stage switch
    {
        AnalysisStage.Downloading => "Downloading the video…",
        AnalysisStage.Probing => "Reading the file…",
        AnalysisStage.Extracting => "Extracting the audio…",
        AnalysisStage.Transcribing => "Transcribing with Deepgram…",
        AnalysisStage.Analyzing => $"Asking {totalCalls} models…",
        _ => stage.ToString(),
    });

    public void MediaReady(MediaInfo media) =>
        Write($"✓ {media.SourceName} · {Format.Bytes(media.SizeBytes)} · {Format.Duration(media.Duration)} · audio {media.AudioCodec}");

    public void AudioExtracted(TimeSpan duration, long bytes) =>
        Write($"✓ Audio extracted: {Format.Duration(duration)}, {Format.Bytes(bytes)}");

    public void Transcribed(Transcript transcript) => Write(transcript.IsEmpty
        ? "✓ Transcribed: no words found"
        : $"✓ Transcribed{(transcript.Language is { } l ? $" ({SpeechLanguages.NameOf(l)}, {(transcript.LanguageChosen ? "chosen" : "detected")})" : "")}: "
          + $"{Format.Count(transcript.WordCount)} words" + (transcript.SpeakerCount > 1 ? $", {transcript.SpeakerCount} speakers" : ""));

    public Task ModelFinishedAsync(ModelOutcome outcome, CancellationToken cancellationToken)
    {
        var done = Interlocked.Increment(ref _finished);
        Write(outcome switch
        {
            ModelOutcome.Succeeded s => $"  ✓ {done}/{totalCalls} {s.Prompt} · {s.Model} · {Format.Seconds(s.Elapsed)}",
            ModelOutcome.Failed f => $"  ✗ {done}/{totalCalls} {f.Prompt} · {f.Model}: {f.Reason}",
            _ => outcome.ToString(),
        });
        return Task.CompletedTask;
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            stderr.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {line}");
        }
    }
}
