using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace MediaAnalysis.Pipeline.Audio;

// ffmpeg and ffprobe run at a lower CPU priority (nice 10) than the web host, so that on a one-CPU machine
// a burst of media work never delays the answer a platform waits for (Discord gives 3 seconds). Linux keeps
// the nice value per thread and a child inherits the one of the thread that forked it: children are
// started from one dedicated thread that has lowered its own priority once. (Raising it back would need a
// privilege the app does not have, which is why no pool thread is ever lowered.)
public static partial class ChildPriority
{
    public const int Nice = 10;

    private static readonly Lazy<BlockingCollection<Action>> Launcher = new(StartLauncher);

    // Runs `start` on the launcher thread up to its first await (which is where the process is started)
    // and returns its task; the rest continues on the thread pool as usual.
    public static Task<T> StartAsync<T>(Func<Task<T>> start)
    {
        if (!OperatingSystem.IsLinux())
        {
            return start();
        }
        var started = new TaskCompletionSource<Task<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = ExecutionContext.Capture(); // the job's log scope and cancellation flow with it
        Launcher.Value.Add(() =>
        {
            try
            {
                if (context is null)
                {
                    started.SetResult(start());
                }
                else
                {
                    ExecutionContext.Run(context, _ => started.SetResult(start()), null);
                }
            }
            catch (Exception ex)
            {
                started.SetException(ex);
            }
        });
        return started.Task.Unwrap();
    }

    private static BlockingCollection<Action> StartLauncher()
    {
        var work = new BlockingCollection<Action>();
        var thread = new Thread(() =>
        {
            // PRIO_PROCESS with a thread id: this thread only. Failure leaves the default priority, which works.
            _ = SetPriority(0, GetThreadId(), Nice);
            foreach (var action in work.GetConsumingEnumerable())
            {
                action();
            }
        })
        {
            IsBackground = true,
            Name = "ffmpeg launcher",
        };
        thread.Start();
        return work;
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
