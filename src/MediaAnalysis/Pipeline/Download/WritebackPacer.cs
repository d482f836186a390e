using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MediaAnalysis.Pipeline.Download;

// Keeps a download's dirty pages few. Left alone, the kernel lets a 1 GB download pile up hundreds of MB of
// dirty page cache before writing it; in a 256 MB memory cgroup those pages cannot be reclaimed until they
// are written, so every allocation in the app (a request's memory, SQLite's write of an enqueue) can stall in
// reclaim behind them: requests answered ~0.8 s late during two 1 GB downloads (bench/README.md). Here each
// 8 MiB step is handed to writeback as soon as it is written (sync_file_range WRITE), and the step two behind
// is waited for, so at most ~16 MiB per download is dirty. The disk writes what it would have written anyway,
// earlier; a reader of the growing file (the audio copy) still finds the pages in the cache.
internal sealed class WritebackPacer(SafeFileHandle file)
{
    internal const long Step = 8 * 1024 * 1024;

    private const uint WaitBefore = 1;
    private const uint Write = 2;
    private const uint WaitAfter = 4;

    private long _started;
    private long _settled;
    private bool _off = !OperatingSystem.IsLinux();

    // False once the kernel refused (or this is not Linux): the download goes on without pacing.
    public bool Active => !_off;

    // Bytes handed to writeback and bytes known written, for tests.
    internal (long Started, long Settled) Progress => (_started, _settled);

    // After the first `written` bytes of the file are written.
    public void Wrote(long written)
    {
        try
        {
            while (!_off && written - _started >= Step)
            {
                _off |= SyncFileRange(file, _started, Step, Write) != 0;
                _started += Step;
                if (!_off && _started - _settled > 2 * Step)
                {
                    _off |= SyncFileRange(file, _settled, Step, WaitBefore | Write | WaitAfter) != 0;
                    _settled += Step;
                }
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _off = true;
        }
    }

    // A file system without it (or a kernel that refuses) just goes without pacing.
    [DllImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static extern int SyncFileRange(SafeFileHandle fd, long offset, long bytes, uint flags);
}
