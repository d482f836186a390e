using MediaAnalysis.Cli;
using MediaAnalysis.Queue;
using MediaAnalysis.TestHost;

// Usage: MediaAnalysis.TestHost POSTS-FILE [--Section:Key=value ...]
if (args.Length < 1)
{
    await Console.Error.WriteLineAsync("usage: MediaAnalysis.TestHost POSTS-FILE [--Section:Key=value ...]");
    return 2;
}
var replier = new FileReplier(args[0]);
return await ServeCommand.RunAsync(args[1..], Console.Error, services => services.AddSingleton<IChatReplier>(replier), CancellationToken.None);
