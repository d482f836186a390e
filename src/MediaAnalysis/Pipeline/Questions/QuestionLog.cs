namespace MediaAnalysis.Pipeline.Questions;

public static partial class QuestionLog
{
    [LoggerMessage(1040, LogLevel.Information, "Question answered by {Model} (supported: {Supported}) in {Seconds:0.0} s")]
    public static partial void Answered(ILogger logger, string model, bool supported, double seconds);

    [LoggerMessage(1041, LogLevel.Warning, "Question could not be answered by {Model}: {Reason}")]
    public static partial void Failed(ILogger logger, string model, string reason);
}
