namespace MediaAnalysis.Queue;

// This process no longer holds the job it was running (it froze past its lease and another instance took it):
// it stops at once and posts nothing more. A cancellation, so it unwinds the job like one.
public sealed class LeaseLostException : OperationCanceledException
{
    public LeaseLostException()
        : base("The job's lease was lost.")
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
