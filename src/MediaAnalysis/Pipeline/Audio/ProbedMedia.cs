namespace MediaAnalysis.Pipeline.Audio;

public sealed record ProbedMedia(TimeSpan Duration, TimeSpan AudioDuration, string AudioCodec, int AudioStreamIndex, bool HasVideo);
