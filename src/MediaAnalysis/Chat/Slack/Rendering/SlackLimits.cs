
namespace MediaAnalysis.Chat.Slack.Rendering;

// Slack's Block Kit and message limits. Lengths are counted in UTF-16 code units, never fewer than Slack counts.
public static class SlackLimits
{
    public const int MessageText = 40_000;
    public const int BlocksPerMessage = 50;
    public const int SectionText = 3000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionElements = 25;
    public const int ButtonText = 75;
    public const int ActionId = 255;
    public const int ButtonValue = 2000;
    public const int BlockId = 255;

    // Undocumented: above roughly 12-13k characters of block text in one message Slack answers msg_blocks_too_long
    // (bolt-js #2509, #2867), even when every block is within its own limit.
    public const int BlockTextPerMessage = 10_000;

    // What we put in `text` next to blocks: the notification line, not the whole message.
    public const int FallbackText = 300;
}
