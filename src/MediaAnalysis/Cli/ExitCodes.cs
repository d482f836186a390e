namespace MediaAnalysis.Cli;

// shared/CONTRACT.md: what scripts may rely on.
public static class ExitCodes
{
    public const int Ok = 0;
    public const int JobFailed = 1;
    public const int BadArguments = 2;
    public const int SomeModelsFailed = 3;
}
