using System.Runtime.InteropServices;

namespace MediaAnalysis.Fakes;

// Standalone mode for benchmarks: the three fakes in one process with random latencies, their
// addresses written to --urls-file, request counts to --stats-file on SIGTERM or Ctrl-C.
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (StandaloneOptions.Parse(args, Console.Error) is not { } options)
        {
            Console.Error.WriteLine(StandaloneOptions.Usage);
            return 2;
        }
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        var deepgram = await FakeDeepgram.StartAsync();
        var openRouter = await FakeOpenRouter.StartAsync();
        var files = await FakeFileHost.StartAsync();
        try
        {
            deepgram.KeepBodies = false;
            deepgram.LatencyFor = options.DeepgramLatency.Next;
            openRouter.KeepBodies = false;
            openRouter.LatencyFor = _ => options.ModelLatency.Next();
            if (options.FilesDirectory is { } directory)
            {
                files.ServeDirectory("/files", directory);
                files.DirectoryRate = options.FilesRate;
            }

            var urls = StandaloneReport.Urls(deepgram, openRouter, files);
            if (options.UrlsFile is { } urlsFile)
            {
                // Written then renamed, so a script polling for the file never reads half of it.
                await File.WriteAllTextAsync(urlsFile + ".tmp", urls, CancellationToken.None);
                File.Move(urlsFile + ".tmp", urlsFile, overwrite: true);
            }
            Console.WriteLine(urls);

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        finally
        {
            await files.DisposeAsync();
            await openRouter.DisposeAsync();
            await deepgram.DisposeAsync();
        }
        if (options.StatsFile is { } statsFile)
        {
            await File.WriteAllTextAsync(statsFile, StandaloneReport.Stats(deepgram, openRouter, files), CancellationToken.None);
        }
        return 0;
    }
}
