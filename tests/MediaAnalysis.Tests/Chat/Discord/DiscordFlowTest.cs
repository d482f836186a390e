using MediaAnalysis.Fakes;

namespace MediaAnalysis.Tests.Chat.Discord;

// The world of a Discord flow test, made for each test: the pipeline's fakes serving standup.mp4 as a Discord
// attachment, and the real app behind signed interactions (DiscordFlowHarness). Prepare adds a class's own set-up
// to the fakes before the app starts.
public abstract class DiscordFlowTest(MediaFiles media) : IAsyncLifetime
{
#pragma warning disable CA1051, SA1401 // the tests' two handles, as fields for brevity in every test
    private protected PipelineHarness _outside = null!;
    private protected DiscordFlowHarness _d = null!;
#pragma warning restore CA1051, SA1401

    private protected MediaFiles Media => media;

    public async Task InitializeAsync()
    {
        _outside = await PipelineHarness.StartAsync();
        _outside.Files.ServeFile("/attachments/standup.mp4", media[TestVideoKind.Normal]);
        Prepare(_outside);
        _d = await DiscordFlowHarness.StartAsync(_outside);
    }

    public async Task DisposeAsync()
    {
        await _d.DisposeAsync();
        await _outside.DisposeAsync();
    }

    private protected virtual void Prepare(PipelineHarness outside)
    {
    }
}
