using System.Globalization;
using System.Text;
using MediaAnalysis.Bench;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Transcription;

// Bytes the fan-out allocates for one transcript: six calls against an OpenAI-compatible endpoint
// (bench/run.sh starts the fake in another process, so its allocations do not count here).
// Usage: FanOutBench OPENROUTER_BASE_URL WORDS [WORDS ...]
//        FanOutBench --parse HOURS   (what the streaming parse of a diarized Deepgram answer adds to the peak)
//        FanOutBench --page HOURS    (what serving a finished job's results page adds to the peak)
//        FanOutBench --screenshots DIR  (the README's pictures of a sample job's results page)
if (args is ["--parse", var hours])
{
    return await ParseBench.RunAsync(double.Parse(hours, CultureInfo.InvariantCulture));
}
if (args is ["--screenshots", var folder])
{
    return await Screenshots.RunAsync(folder);
}
if (args is ["--page", var pageHours])
{
    return await PageBench.RunAsync(double.Parse(pageHours, CultureInfo.InvariantCulture));
}
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
await fanOut.RunAsync(Labelled(Transcript(50)), answered: new HashSet<(string, string)>(), observer: null, CancellationToken.None);

Console.WriteLine("words\ttranscript_utf8_bytes\tallocated_bytes\tbudget_bytes\tverdict");
foreach (var words in args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)))
{
    // The structured transcript, as jobs send it: one "[m:ss] S2: " label per paragraph; the budget counts the
    // prompt's transcript block, labels included.
    var transcript = Labelled(Transcript(words));
    var utf8 = JsonEscaping.EscapeToUtf8(TranscriptText.PromptPieces(transcript)).Length;
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
// Paragraphs of 60 words (Deepgram's are 40-120), 150 words a minute, two voices taking turns.
static MediaAnalysis.Pipeline.Transcription.Transcript Labelled(string text)
{
    var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    var paragraphs = words.Chunk(60).Select((chunk, i) =>
        new TranscriptParagraph(i * 24.0, (i * 24.0) + 23.5, (i % 2) + 1, string.Join(' ', chunk))).ToList();
    return new MediaAnalysis.Pipeline.Transcription.Transcript(text, words.Length / 2.5, "en", null) { Paragraphs = paragraphs };
}

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
