using System.Text;

namespace MediaAnalysis.Pipeline;

// Where jobs' temp folders go: Media:TempPath/<owner>/job-*, one folder per owner (the serving instance's
// Queue:InstanceId; a one-off `analyze` run its own), so an instance that deletes what a killed predecessor of
// the same id left behind never touches the folders of another instance sharing the host.
public sealed class TempFolders(string root, string owner)
{
    public string Root { get; } = root;

    public string Path { get; } = System.IO.Path.Combine(root, SafeName(owner));

    // A new job's folder; the owner's folder goes when its last job's folder does.
    public JobWorkspace Create() => JobWorkspace.Create(Path, removeEmptyParent: true);

    // At start, before any job runs here: every job folder a killed process of this owner left behind.
    public int DeleteLeftovers()
    {
        if (!Directory.Exists(Path))
        {
            return 0;
        }
        var deleted = 0;
        foreach (var folder in Directory.EnumerateDirectories(Path, "job-*"))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for the next start; the job it belonged to is over either way.
            }
        }
        return deleted;
    }

    // An instance id as one folder name: letters, digits, '.', '-' and '_' kept, anything else '_'.
    public static string SafeName(string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var name = new StringBuilder(owner.Length);
        foreach (var c in owner)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && name.Length > 0) ? c : '_');
        }
        return name.ToString();
    }
}
