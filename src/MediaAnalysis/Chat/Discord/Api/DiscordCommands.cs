using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Api;

// The commands `discord register-commands` puts in place with one bulk overwrite (CONTRACT.md names).
public static class DiscordCommands
{
    public const string Analyze = "analyze";
    public const string VideoOption = "video";
    public const string LanguageOption = "language";
    public const string AnalyzeVideo = "Analyze video";
    public const string Usage = "usage";
    public const string Ask = "ask";
    public const string QuestionOption = "question";

    // Members who may post in the channel; Discord admins can still change this per server.
    private static readonly string SendMessages = DiscordPermissions.Format(DiscordPermissions.SendMessages);

    // Guild installs in servers only: a user-installed app outside the server could not post with the bot token.
    private static readonly IReadOnlyList<int> GuildInstall = [0];
    private static readonly IReadOnlyList<InteractionContextType> GuildOnly = [InteractionContextType.Guild];

    // /analyze and "Analyze video", for everyone who may post.
    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        new ApplicationCommand
        {
            Name = Analyze,
            Type = ApplicationCommandType.ChatInput,
            Description = "Transcribe a video and get AI summaries in a thread",
            Options =
            [
                new ApplicationCommandOption
                {
                    Type = CommandOptionType.Attachment,
                    Name = VideoOption,
                    Description = "The video (or audio) file to analyze",
                    Required = true,
                    // Matched on the file name only; the bot still checks and probes the file.
                    FileTypes = ["video", "audio"],
                },
                new ApplicationCommandOption
                {
                    Type = CommandOptionType.String,
                    Name = LanguageOption,
                    Description = "The language spoken, for the transcript and the answers (default: detect it)",
                    Required = false,
                    // Discord allows 25 choices: "detect" and the 24 languages of SpeechLanguages.
                    Choices = [new("Detect the language", SpeechLanguages.Detect),
                        .. SpeechLanguages.Choices.Select(c => new ApplicationCommandOptionChoice(c.Name, c.Code))],
                },
            ],
            DefaultMemberPermissions = SendMessages,
            IntegrationTypes = GuildInstall,
            Contexts = GuildOnly,
        },
        // Message commands take no description and no options.
        new ApplicationCommand
        {
            Name = AnalyzeVideo,
            Type = ApplicationCommandType.Message,
            DefaultMemberPermissions = SendMessages,
            IntegrationTypes = GuildInstall,
            Contexts = GuildOnly,
        },
        // Everyone (no default member permission); the answer is private.
        new ApplicationCommand
        {
            Name = Usage,
            Type = ApplicationCommandType.ChatInput,
            Description = "This month's spend and videos, for this server and for you, and the budget left",
            IntegrationTypes = GuildInstall,
            Contexts = GuildOnly,
        },
    ];

    // /ask, for everyone who may post: a question about the video whose thread it is used in.
    public static ApplicationCommand AskCommand { get; } = new()
    {
        Name = Ask,
        Type = ApplicationCommandType.ChatInput,
        Description = "Ask about the video analyzed in this thread (use it inside the video's thread)",
        Options =
        [
            new ApplicationCommandOption
            {
                Type = CommandOptionType.String,
                Name = QuestionOption,
                Description = "Your question, e.g. what did they decide about pricing?",
                Required = true,
                MaxLength = 1000,
            },
        ],
        DefaultMemberPermissions = SendMessages,
        IntegrationTypes = GuildInstall,
        Contexts = GuildOnly,
    };

    // /settings, for server managers.
    public static ApplicationCommand Settings { get; } = DiscordSettingsCommand.Definition(GuildInstall, GuildOnly);

    // What `discord register-commands` puts in place.
    public static IReadOnlyList<ApplicationCommand> Registered { get; } = [.. All, AskCommand, Settings];
}
