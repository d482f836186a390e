using System.Text.Json;
using MediaAnalysis.Pipeline.Analysis;

namespace MediaAnalysis.Tests.Pipeline;

public sealed class ModelRequestPlanTests
{
    private static readonly PromptVariant[] Prompts =
    [
        new() { Name = "Summary", System = "Sum \"it\" up", User = "Before\n{transcript}\nAfter é" },
        new() { Name = "Review", System = "Review", User = "{transcript}" },
    ];

    [Fact]
    public void Each_body_is_valid_json_with_the_model_and_the_transcript_in_place()
    {
        var transcript = "Hello \"world\"\nZürich 🎬 \\ end";
        var plan = new ModelRequestPlan(transcript, Prompts, maxTokens: 777);

        using var document = JsonDocument.Parse(Bytes(plan.Body(0, "vendor/model-a")));
        var root = document.RootElement;

        Assert.Equal("vendor/model-a", root.GetProperty("model").GetString());
        Assert.Equal(777, root.GetProperty("max_tokens").GetInt32());
        var messages = root.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal("Sum \"it\" up", messages[0].GetProperty("content").GetString());
        Assert.Equal($"Before\n{transcript}\nAfter é", messages[1].GetProperty("content").GetString());
    }

    [Fact]
    public void Messages_are_the_same_bytes_for_every_model_of_a_variant()
    {
        var plan = new ModelRequestPlan("some words", Prompts, 100);

        static string Messages(byte[] body) => JsonDocument.Parse(body).RootElement.GetProperty("messages").GetRawText();

        Assert.Equal(Messages(Bytes(plan.Body(1, "a/x"))), Messages(Bytes(plan.Body(1, "b/y"))));
        Assert.NotEqual(Messages(Bytes(plan.Body(0, "a/x"))), Messages(Bytes(plan.Body(1, "a/x"))));
    }

    [Fact]
    public void The_content_length_is_known_and_exact()
    {
        var plan = new ModelRequestPlan(new string('w', 10_000), Prompts, 100);
        using var body = plan.Body(0, "a/x");

        Assert.True(body.TryComputeLength(out var length));
        Assert.Equal(Bytes(plan.Body(0, "a/x")).Length, length);
    }

    private static byte[] Bytes(SplicedJsonContent content)
    {
        using var stream = new MemoryStream();
        content.WriteTo(stream);
        return stream.ToArray();
    }
}
