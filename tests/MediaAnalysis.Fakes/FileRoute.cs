namespace MediaAnalysis.Fakes;

// What FakeFileHost does for one path: a closed set of the behaviours a download client must survive.
internal abstract record FileRoute
{
    private const int Chunk = 64 * 1024;

    private static readonly ReadOnlyMemory<byte> Zeros = new byte[Chunk];

    public abstract Task ServeAsync(HttpContext context);

    // Range requests work too, like a CDN; the file is streamed from disk, never loaded.
    internal sealed record File(string FilePath, string ContentType) : FileRoute
    {
        public override Task ServeAsync(HttpContext context) => System.IO.File.Exists(FilePath)
            ? TypedResults.PhysicalFile(FilePath, ContentType, enableRangeProcessing: true).ExecuteAsync(context)
            : NotFound(context);
    }

    internal sealed record Redirect(string Location, int Status) : FileRoute
    {
        public override Task ServeAsync(HttpContext context)
        {
            context.Response.StatusCode = Status;
            context.Response.Headers.Location = Location;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }
    }

    internal sealed record Content(string Text, string ContentType) : FileRoute
    {
        public override Task ServeAsync(HttpContext context)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(Text);
            context.Response.ContentType = ContentType;
            context.Response.ContentLength = bytes.Length;
            return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
        }
    }

    // No Content-Length (chunked), zeros until the client hangs up.
    internal sealed record Endless : FileRoute
    {
        public override async Task ServeAsync(HttpContext context)
        {
            var ct = context.RequestAborted;
            context.Response.ContentType = "video/mp4";
            await context.Response.StartAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(Zeros, ct);
            }
        }
    }

    // A real file at a set rate, as over a real network (a CDN to a small machine), Range requests aside.
    internal sealed record Throttled(string FilePath, string ContentType, long BytesPerSecond) : FileRoute
    {
        public override async Task ServeAsync(HttpContext context)
        {
            if (!System.IO.File.Exists(FilePath))
            {
                await NotFound(context);
                return;
            }
            var ct = context.RequestAborted;
            await using var source = System.IO.File.OpenRead(FilePath);
            context.Response.ContentType = ContentType;
            context.Response.ContentLength = source.Length;
            await context.Response.StartAsync(ct);
            var buffer = new byte[Chunk];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            long sent = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), ct);
                sent += read;
                var due = TimeSpan.FromSeconds((double)sent / BytesPerSecond) - clock.Elapsed;
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due, ct);
                }
            }
        }
    }

    // A real file with its real length, sent up to `pauseAfter` bytes, then held until `resume` completes:
    // the rest follows, or (`breakOff`) the connection is dropped. Lets a test look at a half-done download.
    // Pauses at each offset in turn until its task completes; BreakOff drops the connection at the last one.
    internal sealed record Pausing(string FilePath, IReadOnlyList<(long At, Task Resume)> Pauses, bool BreakOff) : FileRoute
    {
        public override async Task ServeAsync(HttpContext context)
        {
            var ct = context.RequestAborted;
            await using var source = System.IO.File.OpenRead(FilePath);
            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = source.Length;
            await context.Response.StartAsync(ct);
            var buffer = new byte[Chunk];
            long sent = 0;
            var next = 0;
            while (true)
            {
                if (next < Pauses.Count && sent >= Pauses[next].At)
                {
                    await context.Response.Body.FlushAsync(ct);
                    await Pauses[next].Resume.WaitAsync(ct);
                    next++;
                    if (BreakOff && next == Pauses.Count)
                    {
                        context.Abort();
                        return;
                    }
                    continue;
                }
                var want = next < Pauses.Count ? (int)Math.Min(Chunk, Pauses[next].At - sent) : Chunk;
                var read = await source.ReadAsync(buffer.AsMemory(0, want), ct);
                if (read == 0)
                {
                    return;
                }
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), ct);
                sent += read;
            }
        }
    }

    // An honest Content-Length, delivered a tenth of the rate every 100 ms.
    internal sealed record Trickle(int BytesPerSecond, long TotalBytes) : FileRoute
    {
        public override async Task ServeAsync(HttpContext context)
        {
            var ct = context.RequestAborted;
            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = TotalBytes;
            await context.Response.StartAsync(ct);
            var step = Math.Clamp(BytesPerSecond / 10, 1, Chunk);
            for (var sent = 0L; sent < TotalBytes; sent += step)
            {
                await context.Response.Body.WriteAsync(Zeros[..(int)Math.Min(step, TotalBytes - sent)], ct);
                await context.Response.Body.FlushAsync(ct);
                await Task.Delay(TimeSpan.FromMilliseconds(100.0 * step * 10 / BytesPerSecond), ct);
            }
        }
    }

    // Announces declaredLength, sends a few MB of zeros, then drops the connection: enough to see
    // whether a client refused from the header or started saving.
    internal sealed record DeclaredLength(long Length) : FileRoute
    {
        private const long Sent = 4L * 1024 * 1024;

        public override async Task ServeAsync(HttpContext context)
        {
            var ct = context.RequestAborted;
            context.Response.ContentType = "video/mp4";
            context.Response.Headers.ContentLength = Length;
            await context.Response.StartAsync(ct);
            for (var sent = 0L; sent < Math.Min(Sent, Length) && !ct.IsCancellationRequested; sent += Chunk)
            {
                await context.Response.Body.WriteAsync(Zeros[..(int)Math.Min(Chunk, Length - sent)], ct);
            }
            context.Abort();
        }
    }

    public static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Not Found", context.RequestAborted);
    }

    public static string Normalize(string path) =>
        path.StartsWith('/') ? path : "/" + path;
}
