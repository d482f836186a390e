namespace MediaAnalysis.Tests.Support;

// The repository's own files (sources, README, samples), found from the test assembly's folder.
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MediaAnalysis.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("MediaAnalysis.sln is not above " + AppContext.BaseDirectory);
    }
}
