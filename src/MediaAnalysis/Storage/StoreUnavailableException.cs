namespace MediaAnalysis.Storage;

// The job store could not be opened at start (PostgreSQL unreachable past Storage:StartupTimeout, or refusing
// the credentials): `serve` says this one sentence and exits 2.
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
        : base("The job store is not available.")
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
