namespace MediaAnalysis.Pipeline;

// A private temp folder per job. Media never outlive it: disposing deletes the folder and all in it.
public sealed class JobWorkspace : IAsyncDisposable
{
    private JobWorkspace(string path) => Path = path;

    public string Path { get; }

    public static JobWorkspace Create(string root)
    {
        var path = System.IO.Path.Combine(root, $"job-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new JobWorkspace(path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public async ValueTask DisposeAsync()
    {
        // A file may still be held for a moment by a process that was just killed; retry briefly.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }
                return;
            }
            catch (IOException) when (attempt < 9)
            {
                await Task.Delay(100);
            }
            catch (UnauthorizedAccessException) when (attempt < 9)
            {
                await Task.Delay(100);
            }
        }
    }
}
