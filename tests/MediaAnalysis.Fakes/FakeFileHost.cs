using System.Collections.Concurrent;
using Microsoft.AspNetCore.StaticFiles;

namespace MediaAnalysis.Fakes;

// A file server for download tests: each path is registered at runtime with its behaviour;
// anything else is a 404.
public sealed class FakeFileHost : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly ConcurrentDictionary<string, FileRoute> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _directories = new(StringComparer.Ordinal);
    private readonly RequestLog<FileHostRequest> _log = new();
    private LoopbackServer? _server;

    private FakeFileHost()
    {
    }

    public Uri BaseAddress => Server.BaseAddress;

    // Set: files served from directories go out at this many bytes a second.
    public long? DirectoryRate { get; set; }

    public LoopbackServer Server => _server ?? throw new InvalidOperationException("not started");

    public IReadOnlyList<FileHostRequest> Requests => _log.Snapshot();

    public static async Task<FakeFileHost> StartAsync()
    {
        var fake = new FakeFileHost();
        fake._server = await LoopbackServer.StartAsync(app => app.Run(fake.HandleAsync));
        return fake;
    }

    public void ServeFile(string path, string filePath, string contentType = "video/mp4") =>
        _routes[FileRoute.Normalize(path)] = new FileRoute.File(Path.GetFullPath(filePath), contentType);

    // location may be relative ("/real.mp4") or absolute.
    public void Redirect(string path, string location, int status = 302) =>
        _routes[FileRoute.Normalize(path)] = new FileRoute.Redirect(location, status);

    public void ServeEndless(string path) => _routes[FileRoute.Normalize(path)] = new FileRoute.Endless();

    public void ServeTrickle(string path, int bytesPerSecond, long totalBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesPerSecond);
        _routes[FileRoute.Normalize(path)] = new FileRoute.Trickle(bytesPerSecond, totalBytes);
    }

    // The file's first `pauseAfter` bytes, then nothing until `resume` completes; then the rest, or a dropped connection.
    public void ServePausing(string path, string filePath, long pauseAfter, Task resume, bool breakOff = false) =>
        _routes[FileRoute.Normalize(path)] = new FileRoute.Pausing(Path.GetFullPath(filePath), [(pauseAfter, resume)], breakOff);

    // The same with several stops: at each offset in turn, nothing until its task completes.
    public void ServePausing(string path, string filePath, IReadOnlyList<(long At, Task Resume)> pauses) =>
        _routes[FileRoute.Normalize(path)] = new FileRoute.Pausing(Path.GetFullPath(filePath), pauses, BreakOff: false);

    public void ServeContent(string path, string content, string contentType) =>
        _routes[FileRoute.Normalize(path)] = new FileRoute.Content(content, contentType);

    public void ServeWithDeclaredLength(string path, long declaredLength) =>
        _routes[FileRoute.Normalize(path)] = new FileRoute.DeclaredLength(declaredLength);

    // Every file directly inside directory, as {prefix}/{name}, looked up at request time.
    public void ServeDirectory(string prefix, string directory) =>
        _directories[FileRoute.Normalize(prefix).TrimEnd('/') + "/"] = Path.GetFullPath(directory);

    public bool Remove(string path) => _routes.TryRemove(FileRoute.Normalize(path), out _);

    private Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        _log.Add(new FileHostRequest(request.Method, path, request.QueryString.Value ?? "",
            HeaderSnapshot.Of(request.Headers), DateTimeOffset.UtcNow));
        var route = _routes.TryGetValue(path, out var exact) ? exact : FromDirectory(path);
        return route is null ? FileRoute.NotFound(context) : route.ServeAsync(context);
    }

    private FileRoute? FromDirectory(string path)
    {
        foreach (var (prefix, directory) in _directories)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var name = path[prefix.Length..];
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name is "." or "..")
            {
                return null;
            }
            var contentType = ContentTypes.TryGetContentType(name, out var known) ? known : "application/octet-stream";
            return DirectoryRate is { } rate
                ? new FileRoute.Throttled(Path.Combine(directory, name), contentType, rate)
                : new FileRoute.File(Path.Combine(directory, name), contentType);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
