using System.Text;
using MediaAnalysis.Pipeline.Analysis;

namespace MediaAnalysis.Tests.Pipeline;

public sealed class ModelReplyReaderTests
{
    [Fact]
    public void Reads_the_published_openrouter_sample()
    {
        var body = File.ReadAllBytes(SharedFiles.Path("protocols/openrouter/openrouter-response.json"));

        var reply = ModelReplyReader.Read(200, body);

        Assert.True(reply.Ok);
        Assert.Equal("Hello! How can I assist you today?", reply.Content);
        Assert.Equal("openai/gpt-4o-mini", reply.ServedModel);
        Assert.Equal(9, reply.PromptTokens);
        Assert.Equal(10, reply.CompletionTokens);
        Assert.Equal(0.00000735m, reply.Cost);
    }

    [Theory]
    [InlineData("""{"id":"g","model":"m","choices":[{"index":0,"finish_reason":"error","message":{"role":"assistant","content":""},"error":{"code":502,"message":"Provider returned error","metadata":{"provider_name":"Kluster","raw":"error code: 1015"}}}]}""", "Provider returned error (Kluster: error code: 1015)")]
    [InlineData("""{"error":{"code":429,"message":"Provider returned error","metadata":{"raw":"rate-limited upstream"}}}""", "Provider returned error (rate-limited upstream)")]
    [InlineData("""{"id":"g","model":"m","choices":[]}""", "the reply had no choices (an empty answer)")]
    [InlineData("""{"id":"g","model":"m","choices":[{"finish_reason":"stop","message":{"content":null}}]}""", "the model returned an empty answer")]
    [InlineData("""{"id":"g","model":"m","choices":[{"finish_reason":"error","message":{"content":"partial"}}]}""", "the model stopped with an error")]
    public void Failures_inside_http_200_are_failures(string json, string expected)
    {
        var reply = ModelReplyReader.Read(200, Encoding.UTF8.GetBytes(json));

        Assert.False(reply.Ok);
        Assert.Equal(expected, reply.Error);
    }

    [Fact]
    public void A_self_hosted_server_without_cost_still_succeeds()
    {
        var reply = ModelReplyReader.Read(200, Encoding.UTF8.GetBytes(
            """{"model":"llama3","choices":[{"finish_reason":"stop","message":{"content":"hi"}}],"usage":{"prompt_tokens":3,"completion_tokens":1}}"""));

        Assert.True(reply.Ok);
        Assert.Null(reply.Cost);
        Assert.Equal(3, reply.PromptTokens);
    }

    [Fact]
    public void Garbage_is_a_failure_not_an_exception()
    {
        Assert.False(ModelReplyReader.Read(200, "<html>"u8.ToArray()).Ok);
        Assert.Equal(502, ModelReplyReader.Read(502, "bad gateway"u8.ToArray()).ErrorCode);
    }
}
