namespace MediaAnalysis.Pipeline;

// A private temp folder per job. Media never outlive it: disposing deletes the folder and all in it.
public sealed class JobWorkspace : IAsyncDisposable
{
    private readonly bool _removeEmptyParent;

    private JobWorkspace(string path, bool removeEmptyParent)
    {
        Path = path;
        _removeEmptyParent = removeEmptyParent;
    }

    public string Path { get; }

    // `removeEmptyParent`: the folder `root` goes too once no job folder is left in it (TempFolders' owner folder).
    public static JobWorkspace Create(string root, bool removeEmptyParent = false)
    {
        var path = System.IO.Path.Combine(root, $"job-{Guid.NewGuid():N}");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(path);
                return new JobWorkspace(path, removeEmptyParent);
            }
            catch (DirectoryNotFoundException) when (attempt < 10)
            {
                // Another job's end removed the emptied parent between its creation and this folder's: again.
            }
        }
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
                break;
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
        if (_removeEmptyParent && System.IO.Path.GetDirectoryName(Path) is { } parent)
        {
            try
            {
                Directory.Delete(parent, recursive: false); // only when empty: another job's folder keeps it
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
