using System.Text;
using System.Text.Json;
using MediaAnalysis.Chat.Slack.Payloads;
using Microsoft.AspNetCore.WebUtilities;

namespace MediaAnalysis.Chat.Slack.Inbound;

// Slash commands and interactivity arrive as application/x-www-form-urlencoded. Parse only bytes whose signature
// has been verified: the same bytes, never a re-encoded copy.
public static class SlackForm
{
    // Fields by name, percent- and '+'-decoded; a repeated field keeps its first value.
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body)
    {
        var parsed = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var fields = new Dictionary<string, string>(parsed.Count, StringComparer.Ordinal);
        foreach (var (key, values) in parsed)
        {
            fields[key] = values.Count > 0 ? values[0] ?? "" : "";
        }
        return fields;
    }

    public static SlashCommand? ReadCommand(ReadOnlySpan<byte> body) => SlashCommand.FromForm(Parse(body));

    // Slack's periodic certificate check for distributed apps (ssl_check=1): answer 200 and do nothing.
    public static bool IsSslCheck(IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.TryGetValue("ssl_check", out var value) && value == "1";
    }

    // The JSON of the `payload` field; null when it is missing or not JSON of the expected shape.
    public static InteractionPayload? ReadInteraction(ReadOnlySpan<byte> body)
    {
        if (!Parse(body).TryGetValue("payload", out var json) || json.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(json, SlackJsonContext.Default.InteractionPayload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // An Events API body; null when it is not JSON of the expected shape.
    public static EventEnvelope? ReadEvent(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, SlackJsonContext.Default.EventEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
