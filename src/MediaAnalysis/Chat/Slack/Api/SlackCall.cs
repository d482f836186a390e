using System.Net.Http.Headers;

namespace MediaAnalysis.Chat.Slack.Api;

// One Web API call as SlackApiClient sends it, able to build a fresh body for every try.
internal sealed record SlackCall(string Method, HttpMethod Verb, string Query, Func<HttpContent>? Content, string? PaceChannel, bool ResendOnLostAnswer)
{
    public static SlackCall Json(string method, byte[] body, string? paceChannel, bool resendOnLostAnswer) =>
        new(method, HttpMethod.Post, "", () => JsonContent(body), paceChannel, resendOnLostAnswer);

    // No charset on form posts: Slack answers those with warning superfluous_charset.
    public static SlackCall Form(string method, IReadOnlyList<KeyValuePair<string, string>> fields) =>
        new(method, HttpMethod.Post, "", () => new FormUrlEncodedContent(fields), null, true);

    public static SlackCall Get(string method, string query) => new(method, HttpMethod.Get, query, null, null, true);

    public static SlackCall Post(string method) => new(method, HttpMethod.Post, "", null, null, true);

    public static ByteArrayContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
