using System.Globalization;
using System.Text;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Analysis;

// Bytes the fan-out allocates for one transcript: six calls against an OpenAI-compatible endpoint
// (bench/run.sh starts the fake in another process, so its allocations do not count here).
// Usage: FanOutBench OPENROUTER_BASE_URL WORDS [WORDS ...]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: FanOutBench OPENROUTER_BASE_URL WORDS [WORDS ...]");
    return 2;
}

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["OpenRouter:ApiKey"] = "test-openrouter-key",
    ["OpenRouter:BaseUrl"] = args[0],
    ["Deepgram:ApiKey"] = "unused",
});
builder.Services.AddPipeline();
using var host = builder.Build();
var fanOut = host.Services.GetRequiredService<ModelFanOut>();

// Warm-up: JIT, connection pool, SDK statics; not the fan-out's own cost.
await fanOut.RunAsync(Transcript(50), answered: new HashSet<(string, string)>(), observer: null, CancellationToken.None);

Console.WriteLine("words\ttranscript_utf8_bytes\tallocated_bytes\tbudget_bytes\tverdict");
foreach (var words in args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)))
{
    var transcript = Transcript(words);
    var utf8 = Encoding.UTF8.GetByteCount(transcript);
    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var outcomes = await fanOut.RunAsync(transcript, answered: new HashSet<(string, string)>(), observer: null, CancellationToken.None);
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
    var budget = (3L * utf8) + (1L << 20);
    if (outcomes.Count != 6 || outcomes.Any(o => o is not ModelOutcome.Succeeded))
    {
        Console.Error.WriteLine("not every call succeeded: " + string.Join("; ", outcomes.OfType<ModelOutcome.Failed>().Select(f => f.Reason)));
        return 1;
    }
    Console.WriteLine($"{words}\t{utf8}\t{allocated}\t{budget}\t{(allocated <= budget ? "ok" : "OVER")}");
}
return 0;

// Speech-like text with some non-ASCII, about 6 bytes a word (an hour of speech is ~9,000 words).
static string Transcript(int words)
{
    string[] vocabulary = ["the", "meeting", "we", "agreed", "to", "ship", "Zürich", "budget", "next", "week,", "because", "results", "were", "good.", "Okay", "so"];
    var builder = new StringBuilder(words * 7);
    for (var i = 0; i < words; i++)
    {
        builder.Append(vocabulary[(i * 7 + (i / 13)) % vocabulary.Length]).Append(' ');
    }
    return builder.ToString();
}
