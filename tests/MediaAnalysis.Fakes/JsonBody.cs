using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MediaAnalysis.Fakes;

internal static class JsonBody
{
    // Like the real services: raw UTF-8 and apostrophes, only quotes, backslashes and controls escaped.
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static async Task SendAsync(HttpResponse response, int status, byte[] body, int? retryAfterSeconds, CancellationToken ct)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await response.Body.WriteAsync(body, ct);
    }
}
