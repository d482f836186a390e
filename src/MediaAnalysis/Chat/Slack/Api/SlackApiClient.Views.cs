using System.Buffers;
using System.Text.Json;

namespace MediaAnalysis.Chat.Slack.Api;

public sealed partial class SlackApiClient
{
    // views.open with a trigger_id (good for 3 seconds, once): not sent again when the answer is lost. No scope needed.
    public async Task OpenViewAsync(string triggerId, ReadOnlyMemory<byte> view, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("trigger_id", triggerId);
            json.WritePropertyName("view");
            json.WriteRawValue(view.Span);
            json.WriteEndObject();
        }
        await CallAsync(SlackCall.Json("views.open", buffer.WrittenSpan.ToArray(), null, resendOnLostAnswer: false),
            SlackJsonContext.Default.ApiResponse, cancellationToken);
    }
}
