using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Security;

public sealed class PageTokenTests
{
    [Fact]
    public void Tokens_are_128_random_bits_url_safe_and_stored_as_sha256()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => PageToken.New()).ToList();

        Assert.Equal(1000, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.True(PageToken.IsWellFormed(t), t));
        Assert.All(tokens, t => Assert.Equal(t, Uri.EscapeDataString(t)));
        Assert.All(tokens, t => Assert.Equal(16, System.Buffers.Text.Base64Url.DecodeFromChars(t).Length));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PageToken.Hash("abc"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaa=")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaa/aaaaaaaaaaa")]
    public void Malformed_tokens_are_recognised(string token) => Assert.False(PageToken.IsWellFormed(token));
}
