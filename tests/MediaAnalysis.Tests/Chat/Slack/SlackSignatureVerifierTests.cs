using System.Text;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Chat.Slack.Inbound;

namespace MediaAnalysis.Tests.Chat.Slack;

// Every vector in shared/protocols/slack/VECTORS.md, with a clock fixed at the vector's timestamp.
public sealed class SlackSignatureVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const long Timestamp = 1531420618;
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string JsonBody = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

    private static readonly byte[] Body = File.ReadAllBytes(SharedFiles.Path("protocols/slack/payloads/slash_command.signing_vector.form.txt"));

    private static SlackSignatureVerifier At(long now, string? secret = Secret) =>
        SlackSignatureVerifier.ForSecret(secret, FixedTimeProvider.AtUnix(now));

    [Fact]
    public void The_published_example_verifies()
    {
        Assert.Equal(362, Body.Length);
        Assert.StartsWith("token=xyzz0WbapA4vBCDEFasx0q6G&", Encoding.ASCII.GetString(Body), StringComparison.Ordinal);

        Assert.Equal(SlackVerification.Valid, At(Timestamp).Verify("1531420618", Expected, Body));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void Five_minutes_of_skew_either_way_is_still_accepted(long skew) =>
        Assert.Equal(SlackVerification.Valid, At(Timestamp + skew).Verify("1531420618", Expected, Body));

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void More_than_five_minutes_of_skew_is_stale(long skew) =>
        Assert.Equal(SlackVerification.Stale, At(Timestamp + skew).Verify("1531420618", Expected, Body));

    [Fact]
    public void The_timestamp_one_second_later_with_the_same_signature_is_invalid()
    {
        Assert.Equal(SlackVerification.Invalid, At(Timestamp).Verify("1531420619", Expected, Body));
        Assert.Equal(SlackVerification.Valid, At(Timestamp).Verify("1531420619", "v0=ffbf8ca586db401fa71716579fba59aea718787d68572406a7236da28a871144", Body));
    }

    [Fact]
    public void A_trailing_newline_breaks_the_signature()
    {
        byte[] withNewline = [.. Body, (byte)'\n'];

        Assert.Equal(SlackVerification.Invalid, At(Timestamp).Verify("1531420618", Expected, withNewline));
        Assert.Equal(SlackVerification.Valid, At(Timestamp).Verify("1531420618", "v0=cd6e978e01f84942f68ed6beb6ebb6b8211482e1482d56db2a154700186df710", withNewline));
    }

    [Fact]
    public void A_re_encoded_form_breaks_the_signature()
    {
        var decoded = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(Body).Replace("%2F", "/", StringComparison.Ordinal));

        Assert.Equal(SlackVerification.Invalid, At(Timestamp).Verify("1531420618", Expected, decoded));
        Assert.Equal(SlackVerification.Valid, At(Timestamp).Verify("1531420618", "v0=37aadecfe17a86180aa2113dc620a0941296b7d4a923b1617d0784d1d4c3a520", decoded));
    }

    [Fact]
    public void The_compact_url_verification_json_verifies()
    {
        var body = Encoding.UTF8.GetBytes(JsonBody);

        Assert.Equal(129, body.Length);
        Assert.Equal(SlackVerification.Valid, At(Timestamp).Verify("1531420618", "v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652", body));
    }

    [Fact]
    public void The_pretty_printed_url_verification_file_verifies_with_its_own_signature()
    {
        var body = File.ReadAllBytes(SharedFiles.Path("protocols/slack/payloads/url_verification.docs.json"));

        Assert.Equal(143, body.Length);
        Assert.Equal(SlackVerification.Valid, At(Timestamp).Verify("1531420618", "v0=f90c97f000a2415ef419c6383ee8b46208209e317503604172c83290ac7320f9", body));
        Assert.Equal(SlackVerification.Invalid, At(Timestamp).Verify("1531420618", "v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652", body));
    }

    [Theory]
    [InlineData(null, Expected)]
    [InlineData("", Expected)]
    [InlineData("1531420618", null)]
    [InlineData("1531420618", "")]
    public void A_missing_header_is_missing(string? timestamp, string? signature) =>
        Assert.Equal(SlackVerification.Missing, At(Timestamp).Verify(timestamp, signature, Body));

    [Theory]
    [InlineData("1531420618", "V0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("1531420618", "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("1531420618", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("1531420618", "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503 ")]
    [InlineData("1531420618", "v0=ä2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("1531420618.5", Expected)]
    [InlineData("-1531420618", Expected)]
    [InlineData(" 1531420618", Expected)]
    [InlineData("99999999999999999999", Expected)]
    public void Malformed_or_wrong_headers_are_invalid(string timestamp, string signature) =>
        Assert.Equal(SlackVerification.Invalid, At(Timestamp).Verify(timestamp, signature, Body));

    [Fact]
    public void The_secret_is_its_text_not_hex()
    {
        var hexDecoded = Encoding.Latin1.GetString(Convert.FromHexString("8f742231b10e8888abcd"));

        Assert.Equal(SlackVerification.Invalid, At(Timestamp, hexDecoded).Verify("1531420618", Expected, Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_a_secret_nothing_verifies(string? secret)
    {
        var verifier = At(Timestamp, secret);

        Assert.False(verifier.HasSecret);
        Assert.Equal(SlackVerification.Invalid, verifier.Verify("1531420618", Expected, Body));
    }

    [Fact]
    public void The_fakes_signer_and_the_verifier_agree_on_a_large_body()
    {
        var body = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(new string('ü', 50_000)));
        var signature = FakeSlackApi.Sign("another secret", "1700000000", body);

        Assert.Equal(SlackVerification.Valid, At(1_700_000_000, "another secret").Verify("1700000000", signature, body));
        body[^1] ^= 1;
        Assert.Equal(SlackVerification.Invalid, At(1_700_000_000, "another secret").Verify("1700000000", signature, body));
    }
}
