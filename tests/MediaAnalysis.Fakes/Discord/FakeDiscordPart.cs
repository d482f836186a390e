using System.Text;

namespace MediaAnalysis.Fakes.Discord;

// One part of a multipart/form-data request, as received.
public sealed record FakeDiscordPart(string Name, string? FileName, string? ContentType, byte[] Data)
{
    public string Text => Encoding.UTF8.GetString(Data);
}
