using Microsoft.AspNetCore.WebUtilities;

namespace MediaAnalysis.Fakes;

// Deepgram's usual error shape: {"err_code","err_msg","request_id"}; codes and messages as documented
// or as seen in the wild (DEEPGRAM.md, Errors).
internal static class DeepgramErrors
{
    public const string CorruptAudio = "Bad Request: failed to process audio: corrupt or unsupported data";

    public static byte[] Body(int status) => status switch
    {
        400 => Body("Bad Request", CorruptAudio),
        401 => Body("INVALID_AUTH", "Invalid credentials."),
        402 => Body("ASR_PAYMENT_REQUIRED", "Project does not have enough credits for an ASR request and does not have an overage agreement."),
        403 => Body("INSUFFICIENT_PERMISSIONS", "Project does not have access to the requested model."),
        408 => Body("REQUEST_TIMEOUT", "Request timed out."),
        411 => Body("LENGTH_REQUIRED", "Length Required"),
        413 => Body("PAYLOAD_TOO_LARGE", "Payload too large."),
        422 => Body("ASR_UNPROCESSABLE_ENTITY", "The upload was interrupted or incomplete."),
        429 => Body("TOO_MANY_REQUESTS", "Too many requests. Please try again later."),
        500 => Body("INTERNAL_SERVER_ERROR", "Internal server error."),
        502 => Body("BAD_GATEWAY", "Bad gateway."),
        503 => Body("SERVICE_UNAVAILABLE", "Please try again later."),
        504 => Body("GATEWAY_TIMEOUT", "Gateway timeout."),
        _ => Body($"HTTP_{status}", ReasonPhrases.GetReasonPhrase(status)),
    };

    public static byte[] Body(string code, string message) => JsonBody.Build(json =>
    {
        json.WriteStartObject();
        json.WriteString("err_code", code);
        json.WriteString("err_msg", message);
        json.WriteString("request_id", Guid.NewGuid().ToString());
        json.WriteEndObject();
    });
}
