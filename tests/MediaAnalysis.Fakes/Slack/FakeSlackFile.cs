namespace MediaAnalysis.Fakes.Slack;

// A file on the fake: hosted for the bot to download (HostFile), or uploaded by it through
// files.getUploadURLExternal + upload URL + files.completeUploadExternal. Channel and ThreadTs are where it was
// shared; null until completed.
public sealed record FakeSlackFile(string Id, string Name, string Mimetype, byte[] Content)
{
    public string? Title { get; init; }

    public long DeclaredLength { get; init; }

    public bool Uploaded { get; init; }

    public string? Channel { get; init; }

    public string? ThreadTs { get; init; }

    public string? InitialComment { get; init; }

    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}
