using System.Text.Json;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;
using MediaAnalysis.Chat.Discord.Rendering;

namespace MediaAnalysis.Chat.Discord.Inbound;

// Runs the interaction path's code once at start-up (signature check, JSON both ways, rendering), so that
// the first /analyze after a machine wakes answers as fast as the hundredth.
public sealed class DiscordWarmUp(DiscordSignatureVerifier verifier) : IHostedService
{
    private const string Sample =
        """{"id":"1","application_id":"1","type":2,"token":"t","guild_id":"1","channel":{"id":"1","type":0},"member":{"user":{"id":"1","username":"u"},"permissions":"0"},"data":{"id":"1","name":"analyze","type":1,"options":[{"name":"video","type":11,"value":"1"}],"resolved":{"attachments":{"1":{"id":"1","filename":"a.mp4","size":1,"url":"https://cdn.discordapp.com/a.mp4","content_type":"video/mp4"}}}}}""";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(Sample);
        verifier.Verify("0", new string('0', 128), body);
        var interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction)!;
        DiscordVideoPicker.Pick(interaction);
        var status = DiscordRenderer.Status(new JobStatus { JobId = "warm-up", SourceName = "a.mp4", RequesterId = "1", QueuePosition = 1 });
        JsonSerializer.SerializeToUtf8Bytes(new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource, Data = status },
            DiscordJsonContext.Default.InteractionResponse);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
