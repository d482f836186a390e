using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MediaAnalysis.Fakes;

internal static class StandaloneReport
{
    public static string Urls(FakeDeepgram deepgram, FakeOpenRouter openRouter, FakeFileHost files) => Text(json =>
    {
        json.WriteStartObject();
        json.WriteString("deepgram", deepgram.BaseAddress.ToString());
        json.WriteString("openrouter", openRouter.BaseAddress.ToString());
        json.WriteString("filehost", files.BaseAddress.ToString());
        json.WriteEndObject();
    });

    public static string Stats(FakeDeepgram deepgram, FakeOpenRouter openRouter, FakeFileHost files) => Text(json =>
    {
        json.WriteStartObject();
        var listens = deepgram.Requests;
        json.WriteStartObject("deepgram");
        json.WriteNumber("requests", listens.Count);
        json.WriteNumber("max_concurrent", deepgram.MaxConcurrent);
        WriteCounts(json, "statuses", listens.Select(r => Status(r.StatusCode)));
        json.WriteEndObject();

        var chats = openRouter.Requests;
        json.WriteStartObject("openrouter");
        json.WriteNumber("requests", chats.Count);
        json.WriteNumber("max_concurrent", openRouter.MaxConcurrent);
        WriteCounts(json, "by_model", chats.Select(r => r.Model));
        WriteCounts(json, "statuses", chats.Select(r => Status(r.StatusCode)));
        json.WriteEndObject();

        var downloads = files.Requests;
        json.WriteStartObject("filehost");
        json.WriteNumber("requests", downloads.Count);
        WriteCounts(json, "by_path", downloads.Select(r => r.Path));
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static string Status(int? code) => code?.ToString(CultureInfo.InvariantCulture) ?? "unanswered";

    private static void WriteCounts(Utf8JsonWriter json, string name, IEnumerable<string> keys)
    {
        json.WriteStartObject(name);
        foreach (var group in keys.GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(group.Key, group.Count());
        }
        json.WriteEndObject();
    }

    private static string Text(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(JsonBody.Build(write));
}
