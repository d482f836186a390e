using System.Text.Json;

namespace MediaAnalysis.Pipeline.Analysis;

public static class ModelReplyReader
{
    public static ModelReply Read(int status, ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Read(status, document.RootElement);
        }
        catch (JsonException)
        {
            return Failure(status, status is >= 200 and < 300
                ? "the reply was not valid JSON"
                : $"HTTP {status} with an unreadable body", status is >= 200 and < 300 ? null : status);
        }
    }

    private static ModelReply Read(int status, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failure(status, "the reply was not a JSON object", null);
        }
        if (root.TryGetProperty("error", out var topError) && topError.ValueKind == JsonValueKind.Object)
        {
            var (message, code) = DescribeError(topError);
            return Failure(status, message, code ?? (status >= 400 ? status : null));
        }
        if (status is < 200 or >= 300)
        {
            return Failure(status, $"HTTP {status}", status);
        }
        var servedModel = String(root, "model");
        var provider = String(root, "provider");
        var (promptTokens, completionTokens, cost) = Usage(root);
        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            return new ModelReply(null, servedModel, provider, promptTokens, completionTokens, cost, "the reply had no choices (an empty answer)", null);
        }
        var choice = choices[0];
        var finish = String(choice, "finish_reason");
        if (choice.TryGetProperty("error", out var choiceError) && choiceError.ValueKind == JsonValueKind.Object)
        {
            var (message, code) = DescribeError(choiceError);
            return new ModelReply(null, servedModel, provider, promptTokens, completionTokens, cost, message, code);
        }
        if (finish == "error")
        {
            return new ModelReply(null, servedModel, provider, promptTokens, completionTokens, cost, "the model stopped with an error", null);
        }
        var content = choice.TryGetProperty("message", out var message1) ? String(message1, "content") : null;
        if (string.IsNullOrWhiteSpace(content))
        {
            return new ModelReply(null, servedModel, provider, promptTokens, completionTokens, cost,
                finish == "content_filter" ? "the answer was withheld by a content filter" : "the model returned an empty answer", null);
        }
        if (finish == "length")
        {
            content += "\n\n_(The model stopped at its length limit.)_";
        }
        return new ModelReply(content, servedModel, provider, promptTokens, completionTokens, cost, null, null);
    }

    // "Provider returned error" alone hides the cause: metadata.raw and provider_name carry it.
    private static (string Message, int? Code) DescribeError(JsonElement error)
    {
        var message = String(error, "message") ?? "unknown error";
        int? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
        if (error.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            var provider = String(metadata, "provider_name");
            var raw = String(metadata, "raw");
            if (!string.IsNullOrWhiteSpace(raw))
            {
                message += $" ({(provider is null ? "" : provider + ": ")}{Shorten(raw)})";
            }
            else if (provider is not null)
            {
                message += $" ({provider})";
            }
        }
        return (message, code);
    }

    private static (int?, int?, decimal?) Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return (null, null, null);
        }
        return (Int(usage, "prompt_tokens"), Int(usage, "completion_tokens"),
            usage.TryGetProperty("cost", out var cost) && cost.ValueKind == JsonValueKind.Number && cost.TryGetDecimal(out var d) ? d : null);
    }

    private static ModelReply Failure(int status, string message, int? code) =>
        new(null, null, null, null, null, null, message, code ?? (status >= 400 ? status : null));

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
