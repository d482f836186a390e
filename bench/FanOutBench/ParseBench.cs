using System.Globalization;
using MediaAnalysis.Fakes;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Bench;

// A diarized Deepgram answer for HOURS of speech (the fake's writer: words with speakers, paragraphs with sentences)
// is written to a file, then read back through the app's streaming parser from a FileStream, as the client reads
// the HTTP body. A sampler notes the managed heap every millisecond; the figure is its peak over the baseline.
internal static class ParseBench
{
    public static async Task<int> RunAsync(double hours)
    {
        var seconds = hours * 3600;
        var path = Path.Combine(Path.GetTempPath(), $"deepgram-{Guid.NewGuid():N}.json");
        try
        {
            await using (var file = File.Create(path))
            {
                await DeepgramResponses.WriteAsync(file, seconds, DeepgramResponses.SpeechFor(seconds), speakers: 3, "en", CancellationToken.None);
            }
            var size = new FileInfo(path).Length;

            // Warm-up on the same file: JIT, pools.
            await ParseAsync(path);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            long peak = baseline;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    await Task.Delay(1, CancellationToken.None);
                }
            }, CancellationToken.None);
            var (paragraphs, words) = await ParseAsync(path);
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            await stop.CancelAsync();
            await sampler;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var added = peak - baseline;

            Console.WriteLine("hours\tresponse_bytes\tparagraphs\twords\tallocated_bytes\tpeak_added_bytes\tverdict");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{hours}\t{size}\t{paragraphs}\t{words}\t{allocated}\t{added}\t{(added < 8L << 20 ? "ok" : "OVER")}"));
            return added < 8L << 20 ? 0 : 1;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(int Paragraphs, int Words)> ParseAsync(string path)
    {
        await using var body = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var read = await DeepgramResponseReader.ReadAsync(body, CancellationToken.None);
        return (read.Paragraphs.Count, new Transcript(read.Transcript ?? "", 0, null, null).WordCount);
    }
}
