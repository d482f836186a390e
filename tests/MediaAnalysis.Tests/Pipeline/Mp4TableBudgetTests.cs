using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using MediaAnalysis.Fakes;

namespace MediaAnalysis.Tests.Pipeline;

// Issue 14, item 5: an MP4 whose audio sample tables (stsz, stco, stsc, stts: 30 MiB each here, each under the
// per-box limit) add up to more than the image's 96 MiB heap can spare is refused as bad media, under that heap
// cap, instead of being allocated (which ran the process out of memory).
[Collection(MediaCollection.Name)]
public sealed class Mp4TableBudgetTests(MediaFiles media) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ma-tables-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Sample_tables_larger_than_the_heap_allows_are_refused_as_bad_media()
    {
        var bytes = await File.ReadAllBytesAsync(media[TestVideoKind.MoovAtEnd]);
        var path = Path.Combine(_dir, "huge-index.mp4");
        await using (var output = File.Create(path))
        {
            Inflate(bytes, 0, bytes.Length, audio: false, output); // the moov is last: no chunk offset moves
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "MediaAnalysis.dll"), "analyze", path })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x6000000"; // as in the Dockerfile: 96 MiB
        start.Environment["Deepgram__ApiKey"] = "k";
        start.Environment["Deepgram__BaseUrl"] = "http://127.0.0.1:9";
        start.Environment["OpenRouter__ApiKey"] = "k";
        start.Environment["OpenRouter__BaseUrl"] = "http://127.0.0.1:9";
        start.Environment["Media__TempPath"] = Path.Combine(_dir, "jobs");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("its audio index claims 120 MB, more than any real video's", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("OutOfMemory", stderr, StringComparison.Ordinal);
    }

    // Copies the boxes in [start, end), the audio track's four sample tables each padded by 30 MiB of zeros.
    private static long Inflate(byte[] file, int start, int end, bool audio, Stream output)
    {
        long written = 0;
        for (var at = start; at + 8 <= end;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var type = Encoding.ASCII.GetString(file, at + 4, 4);
            if (type is "moov" or "trak" or "mdia" or "minf" or "stbl")
            {
                var inner = new MemoryStream();
                var sound = audio || (type == "trak" && file.AsSpan(at, size).IndexOf("soun"u8) >= 0);
                Inflate(file, at + 8, at + size, sound, inner);
                written += Write(output, type, inner.ToArray(), 0);
            }
            else if (audio && type is "stsz" or "stco" or "stsc" or "stts")
            {
                written += Write(output, type, file[(at + 8)..(at + size)], 30 << 20);
            }
            else
            {
                output.Write(file, at, size);
                written += size;
            }
            at += size;
        }
        return written;
    }

    private static long Write(Stream output, string type, byte[] payload, int padding)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)(8 + payload.Length + padding));
        Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        output.Write(header);
        output.Write(payload);
        output.Write(new byte[padding]);
        return 8 + payload.Length + padding;
    }
}
