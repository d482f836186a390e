using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace MediaAnalysis.Fakes;

// Bodies shaped like openrouter-response.json and OpenRouter's documented error forms.
internal static class ChatResponses
{
    public const string Provider = "FakeProvider";

    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewId(long created) => $"gen-{created}-{new string(RandomNumberGenerator.GetItems<char>(IdAlphabet, 20))}";

    // choice null gives "choices": [].
    public static byte[] Completion(string id, long created, string model, Choice? choice, long requestBytes, bool includeCost) =>
        JsonBody.Build(json =>
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("object", "chat.completion");
            json.WriteNumber("created", created);
            json.WriteString("model", model);
            json.WriteString("provider", Provider);
            json.WriteString("system_fingerprint", "fp_fake0001");
            json.WriteStartArray("choices");
            if (choice is not null)
            {
                WriteChoice(json, choice);
            }
            json.WriteEndArray();
            var completionBytes = choice?.Content is { } text ? Encoding.UTF8.GetByteCount(text) : 0;
            WriteUsage(json, Math.Max(1, requestBytes / 4), (completionBytes + 3) / 4, includeCost);
            json.WriteEndObject();
        });

    public static byte[] Error(int status, string model, bool topLevelIn200 = false) => JsonBody.Build(json =>
    {
        json.WriteStartObject();
        WriteError(json, status, model);
        if (topLevelIn200)
        {
            json.WriteString("user_id", "user_fake");
        }
        json.WriteEndObject();
    });

    // Errors raised by OpenRouter itself (auth, bad request) carry no provider metadata.
    public static byte[] PlainError(int status, string message) => JsonBody.Build(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteNumber("code", status);
        json.WriteString("message", message);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WriteChoice(Utf8JsonWriter json, Choice choice)
    {
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteNull("logprobs");
        json.WriteString("finish_reason", choice.FinishReason);
        json.WriteString("native_finish_reason", choice.FinishReason);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        if (choice.Content is null)
        {
            json.WriteNull("content");
        }
        else
        {
            json.WriteString("content", choice.Content);
        }
        json.WriteNull("refusal");
        json.WriteNull("reasoning");
        json.WriteEndObject();
        if (choice.ErrorStatus is { } status)
        {
            WriteError(json, status, choice.Model);
        }
        json.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter json, int status, string model)
    {
        var (message, type, raw) = Describe(status, model);
        json.WriteStartObject("error");
        json.WriteNumber("code", status);
        json.WriteString("message", message);
        json.WriteStartObject("metadata");
        json.WriteString("provider_name", Provider);
        json.WriteString("raw", raw);
        if (type is not null)
        {
            json.WriteString("error_type", type);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static (string Message, string? Type, string Raw) Describe(int status, string model) => status switch
    {
        400 => ("Bad Request", "invalid_request", "FakeProvider rejected the request parameters."),
        401 => ("No auth credentials found", null, "Unauthorized."),
        402 => ("Insufficient credits", "payment_required", "This request requires more credits. Add credits and try again."),
        403 => ("Your input was flagged", "moderation", "Flagged by moderation."),
        404 => ($"No endpoints found for {model}.", "not_found", $"No endpoints found for {model}."),
        408 => ("Request timed out", "timeout", "FakeProvider did not answer in time."),
        429 => ("Rate limit exceeded", "rate_limit_exceeded", $"{model} is temporarily rate-limited upstream. Please retry shortly."),
        502 => ("Provider returned error", "provider_unavailable", "FakeProvider: upstream connection reset."),
        503 => ("No available provider", "provider_overloaded", "No provider is available for this request right now."),
        _ => (ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : $"HTTP {status}", null, $"FakeProvider answered {status}."),
    };

    private static void WriteUsage(Utf8JsonWriter json, long prompt, long completion, bool includeCost)
    {
        // Rounded so the JSON reads like OpenRouter's (7.35e-06), not like binary floating point noise.
        var promptCost = Math.Round(prompt * 1e-7, 12);
        var completionCost = Math.Round(completion * 4e-7, 12);
        var cost = Math.Round(promptCost + completionCost, 12);
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", prompt);
        json.WriteNumber("completion_tokens", completion);
        json.WriteNumber("total_tokens", prompt + completion);
        // A self-hosted OpenAI-compatible server reports tokens only.
        if (includeCost)
        {
            json.WriteNumber("cost", cost);
            json.WriteBoolean("is_byok", false);
        }
        json.WriteStartObject("prompt_tokens_details");
        json.WriteNumber("cached_tokens", 0);
        json.WriteNumber("cache_write_tokens", 0);
        json.WriteNumber("audio_tokens", 0);
        json.WriteNumber("video_tokens", 0);
        json.WriteEndObject();
        if (includeCost)
        {
            json.WriteStartObject("cost_details");
            json.WriteNumber("upstream_inference_cost", cost);
            json.WriteNumber("upstream_inference_prompt_cost", promptCost);
            json.WriteNumber("upstream_inference_completions_cost", completionCost);
            json.WriteEndObject();
        }
        json.WriteStartObject("completion_tokens_details");
        json.WriteNumber("reasoning_tokens", 0);
        json.WriteNumber("image_tokens", 0);
        json.WriteNumber("audio_tokens", 0);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    internal sealed record Choice(string Model, string? Content, string FinishReason, int? ErrorStatus = null);
}
