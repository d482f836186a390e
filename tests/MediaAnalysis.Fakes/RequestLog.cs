namespace MediaAnalysis.Fakes;

// Requests are logged on arrival and their entry replaced when answered, so a test waiting on a hung
// call already sees it, and one reading after a reply sees the final entry.
internal sealed class RequestLog<T>
{
    private readonly List<T> _entries = [];
    private readonly Lock _gate = new();

    public int Add(T entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            return _entries.Count - 1;
        }
    }

    public void Replace(int index, T entry)
    {
        lock (_gate)
        {
            _entries[index] = entry;
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }
}
