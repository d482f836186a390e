using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MediaAnalysis.Jobs;

// Reading a record the database keeps as one JSON document (a server's settings, a job's snapshot, an adapter's
// state) through its source-generated type info; each record writes itself (JsonSerializer.Serialize).
public static class StoredJson
{
    // Null, blank, "null" or unreadable: null, for the caller's default (a document kept before there was one, or
    // one replaced by the next write).
    public static T? ReadOrNull<T>(string? json, JsonTypeInfo<T> type)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A job's state that must be there (its adapter wrote it at intake): none is a bug, and the exception says
    // whose (`what`, e.g. "Discord state"). Unreadable JSON throws JsonException.
    public static T ReadJobState<T>(string? json, JsonTypeInfo<T> type, string what)
        where T : class =>
        JsonSerializer.Deserialize(json ?? throw new InvalidOperationException($"the job has no {what}"), type)
        ?? throw new InvalidOperationException($"the job's {what} is empty");
}
