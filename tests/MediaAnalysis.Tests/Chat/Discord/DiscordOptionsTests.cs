using MediaAnalysis.Chat.Discord;

namespace MediaAnalysis.Tests.Chat.Discord;

public sealed class DiscordOptionsTests
{
    private const string Key = "a58293d7fa04d53ab90108be275a87fe890eece595962273a93e1f87d398df74";
    private const string Token = "MTMwMDAwMDAwMDAwMDAwMDAwMQ.Gsecret.very-secret-token-value";

    [Fact]
    public void With_no_keys_Discord_is_off_and_nothing_is_checked()
    {
        var options = new DiscordOptions { ApiBaseUrl = "not a url" };

        Assert.False(options.IsEnabled);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void With_all_three_keys_Discord_is_on_and_valid()
    {
        var options = new DiscordOptions { ApplicationId = "1300000000000000001", PublicKey = Key, BotToken = Token };

        Assert.True(options.IsEnabled);
        Assert.Empty(options.Validate());
        Assert.Equal("https://discord.com/api/v10", options.ApiBaseUrl);
    }

    [Fact]
    public void One_key_alone_names_the_two_missing_ones()
    {
        var problems = new DiscordOptions { BotToken = Token }.Validate().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("Discord:ApplicationId", StringComparison.Ordinal) && p.Contains("Discord__ApplicationId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Discord:PublicKey", StringComparison.Ordinal));
        Assert.False(new DiscordOptions { BotToken = Token }.IsEnabled);
    }

    [Theory]
    [InlineData("a58293d7")]
    [InlineData("a58293d7fa04d53ab90108be275a87fe890eece595962273a93e1f87d398df7g")]
    [InlineData("a58293d7fa04d53ab90108be275a87fe890eece595962273a93e1f87d398df7400")]
    public void A_public_key_that_is_not_64_hex_characters_is_named_without_echoing_it(string key)
    {
        var problems = new DiscordOptions { ApplicationId = "1", PublicKey = key, BotToken = Token }.Validate().ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("Discord:PublicKey", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(key, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://discord.com/api/v10")]
    [InlineData("/api/v10")]
    [InlineData("")]
    public void The_base_url_must_be_absolute_http(string url)
    {
        var problems = new DiscordOptions { ApplicationId = "1", PublicKey = Key, BotToken = Token, ApiBaseUrl = url }.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("Discord:ApiBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void No_problem_text_ever_contains_the_bot_token()
    {
        var options = new DiscordOptions
        {
            ApplicationId = "my app",
            PublicKey = "nope",
            BotToken = "Bot " + Token,
            ApiBaseUrl = "nope",
            MaxAttempts = 0,
            RequestTimeout = TimeSpan.Zero,
        };

        var problems = options.Validate().ToList();

        Assert.True(problems.Count >= 5);
        Assert.All(problems, p => Assert.DoesNotContain(Token, p, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("without the 'Bot ' prefix", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Discord:ApplicationId", StringComparison.Ordinal));
    }
}
