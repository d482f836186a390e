using MediaAnalysis.Chat.Slack;

namespace MediaAnalysis.Tests.Chat.Slack;

public sealed class SlackOptionsTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Token = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";

    [Fact]
    public void Without_either_secret_Slack_is_off_and_nothing_is_checked()
    {
        var options = new SlackOptions { ApiBaseUrl = "not a url", MaxAttempts = 0 };

        Assert.False(options.IsEnabled);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Both_secrets_with_defaults_are_valid_and_enable_Slack()
    {
        var options = new SlackOptions { SigningSecret = Secret, BotToken = Token };

        Assert.True(options.IsEnabled);
        Assert.Empty(options.Validate());
        Assert.Equal("https://slack.com/api", options.ApiBaseUrl);
    }

    [Fact]
    public void One_secret_alone_names_the_other_key_and_its_environment_variable()
    {
        var onlySecret = new SlackOptions { SigningSecret = Secret }.Validate().ToList();
        var onlyToken = new SlackOptions { BotToken = Token }.Validate().ToList();

        Assert.Contains(onlySecret, p => p.Contains("Slack:BotToken is required", StringComparison.Ordinal) && p.Contains("Slack__BotToken", StringComparison.Ordinal));
        Assert.Contains(onlyToken, p => p.Contains("Slack:SigningSecret is required", StringComparison.Ordinal));
        Assert.False(new SlackOptions { BotToken = Token }.IsEnabled);
    }

    [Theory]
    [InlineData("xoxp-1234-5678-abcdef")]
    [InlineData("xapp-1-A123-456-abcdef")]
    [InlineData("Bearer xoxb-1234")]
    public void A_token_that_is_not_a_bot_token_is_refused_without_showing_it(string token)
    {
        var problems = new SlackOptions { SigningSecret = Secret, BotToken = token }.Validate().ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("Slack:BotToken must be the Bot User OAuth Token starting with xoxb-", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(token, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_pasted_as_the_signing_secret_is_pointed_out()
    {
        var problems = new SlackOptions { SigningSecret = Token, BotToken = Token }.Validate().ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("Slack:SigningSecret looks like a token", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slack.com/api")]
    [InlineData("ftp://slack.com/api")]
    [InlineData("")]
    public void The_api_base_must_be_an_absolute_http_url(string url)
    {
        var problems = new SlackOptions { SigningSecret = Secret, BotToken = Token, ApiBaseUrl = url }.Validate();

        Assert.Contains(problems, p => p.StartsWith("Slack:ApiBaseUrl must be an absolute http(s) URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Retry_and_timing_settings_are_range_checked()
    {
        var options = new SlackOptions
        {
            SigningSecret = Secret,
            BotToken = Token,
            MaxAttempts = 0,
            RetryBaseDelay = TimeSpan.FromSeconds(-1),
            RequestTimeout = TimeSpan.Zero,
            UploadTimeout = TimeSpan.Zero,
            MaxRateLimitWait = TimeSpan.Zero,
            PostInterval = TimeSpan.FromSeconds(-1),
        };

        var problems = options.Validate().ToList();

        Assert.Equal(6, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("Slack:", p, StringComparison.Ordinal));
    }
}
