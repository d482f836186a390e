using MediaAnalysis.Fakes;

namespace MediaAnalysis.Tests.Support;

// Videos made once per test run with real ffmpeg, deleted at the end.
public sealed class MediaFiles : IAsyncLifetime
{
    private readonly Dictionary<TestVideoKind, string> _files = [];

    public string Directory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ma-media-{Guid.NewGuid():N}");

    public string this[TestVideoKind kind] => _files[kind];

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var kind in Enum.GetValues<TestVideoKind>())
        {
            _files[kind] = await TestMedia.CreateAsync(kind, Directory);
        }
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFiles>
{
    public const string Name = "media";
}
