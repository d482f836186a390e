using System.Text;
using NSec.Cryptography;
using MediaAnalysis.Chat.Discord.Inbound;

namespace MediaAnalysis.Tests.Chat.Discord;

// Vectors from shared/protocols/discord/VECTORS.md, plus a key pair made here signing random bodies.
public sealed class DiscordSignatureVerifierTests
{
    private const string CartoKey = "a58293d7fa04d53ab90108be275a87fe890eece595962273a93e1f87d398df74";
    private const string CartoSignature = "3a25f3db58760e73b1a0ac5163b331e23c81483177d819158a6c6514a54a3a0ad630fdb35b0bd110d6b701511f70cb28fa00fd417e8868341ce0f25d488b390b";
    private const string D3Seed = "6309679c57fc0f5c58032c2e771bb4bde94158499148c768e8a27ee5bf6c41b5";
    private const string D3Key = "fcf4594ff55a5898a7e7ce541b93dc8ce618c7a4fa96ab7efd1ac2890571345c";
    private const string D3Signature = "fde061efba7927c3557dd7d9d16142b2ba3707387ca1fbc2c824dc86d2f75b399c38daf9eb8f7084951a86aba8e33e4e5e3b72cbc1603893b713ddd842a0a700";

    private static readonly byte[] Ping = "{\"type\":1}"u8.ToArray();

    [Fact]
    public void D1_the_published_Carto_vector_verifies()
    {
        var verifier = DiscordSignatureVerifier.ForPublicKey(CartoKey);

        Assert.True(verifier.Verify("1641309313810", CartoSignature, Ping));
    }

    [Fact]
    public void D1_with_the_timestamp_off_by_one_fails()
    {
        Assert.False(DiscordSignatureVerifier.ForPublicKey(CartoKey).Verify("1641309313811", CartoSignature, Ping));
    }

    [Fact]
    public void D1_the_copy_that_VECTORS_md_warns_about_does_not_verify()
    {
        Assert.False(DiscordSignatureVerifier.ForPublicKey(CartoKey).Verify("1662218997328", CartoSignature, Ping));
    }

    [Fact]
    public void D1_with_upper_case_hex_still_verifies()
    {
        Assert.True(DiscordSignatureVerifier.ForPublicKey(CartoKey.ToUpperInvariant()).Verify("1641309313810", CartoSignature.ToUpperInvariant(), Ping));
    }

    [Fact]
    public void D3_the_published_private_key_signs_exactly_the_listed_signature()
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(D3Seed), KeyBlobFormat.RawPrivateKey);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, [.. "1700000000"u8, .. Ping]);

        Assert.Equal(D3Key, Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal(D3Signature, Convert.ToHexStringLower(signature));
        Assert.True(DiscordSignatureVerifier.ForPublicKey(D3Key).Verify("1700000000", D3Signature, Ping));
        Assert.False(DiscordSignatureVerifier.ForPublicKey(D3Key).Verify("1700000001", D3Signature, Ping));
    }

    [Fact]
    public void RFC8032_test_2_verifies_with_the_message_as_the_timestamp()
    {
        var verifier = DiscordSignatureVerifier.ForPublicKey("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        const string signature = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

        // The message 0x72 = "r" as the timestamp with an empty body; as a body with no timestamp it is refused.
        Assert.True(verifier.Verify("r", signature, []));
        Assert.False(verifier.Verify("", signature, "r"u8));
    }

    [Fact]
    public void RFC8032_test_1_is_refused_because_a_Discord_request_always_has_a_timestamp()
    {
        const string key = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
        const string signature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(key), KeyBlobFormat.RawPublicKey);

        Assert.True(SignatureAlgorithm.Ed25519.Verify(publicKey, [], Convert.FromHexString(signature)));
        Assert.False(DiscordSignatureVerifier.ForPublicKey(key).Verify("", signature, []));
        Assert.False(DiscordSignatureVerifier.ForPublicKey(key).Verify(null, signature, []));
    }

    [Fact]
    public void RFC8032_test_3_verifies_as_a_body_after_a_timestamp_only_for_its_exact_bytes()
    {
        const string key = "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025";
        const string signature = "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a";
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(key), KeyBlobFormat.RawPublicKey);

        Assert.True(SignatureAlgorithm.Ed25519.Verify(publicKey, [0xaf, 0x82], Convert.FromHexString(signature)));
        // 0xaf is not UTF-8 text, so no timestamp header can produce this message.
        Assert.False(DiscordSignatureVerifier.ForPublicKey(key).Verify("x", signature, [0xaf, 0x82]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3a25")]
    [InlineData("3a25f3db58760e73b1a0ac5163b331e23c81483177d819158a6c6514a54a3a0ad630fdb35b0bd110d6b701511f70cb28fa00fd417e8868341ce0f25d488b390")]
    [InlineData("3a25f3db58760e73b1a0ac5163b331e23c81483177d819158a6c6514a54a3a0ad630fdb35b0bd110d6b701511f70cb28fa00fd417e8868341ce0f25d488b390b0")]
    [InlineData("3a25f3db58760e73b1a0ac5163b331e23c81483177d819158a6c6514a54a3a0ad630fdb35b0bd110d6b701511f70cb28fa00fd417e8868341ce0f25d488b39")]
    [InlineData("3a25f3db58760e73b1a0ac5163b331e23c81483177d819158a6c6514a54a3a0ad630fdb35b0bd110d6b701511f70cb28fa00fd417e8868341ce0f25d488b390bff")]
    [InlineData("zz25f3db58760e73b1a0ac5163b331e23c81483177d819158a6c6514a54a3a0ad630fdb35b0bd110d6b701511f70cb28fa00fd417e8868341ce0f25d488b390b")]
    [InlineData(" 3a25f3db58760e73b1a0ac5163b331e23c81483177d819158a6c6514a54a3a0ad630fdb35b0bd110d6b701511f70cb28fa00fd417e8868341ce0f25d488b390")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    public void A_missing_short_long_or_non_hex_signature_is_false_not_an_exception(string? signature)
    {
        Assert.False(DiscordSignatureVerifier.ForPublicKey(CartoKey).Verify("1641309313810", signature, Ping));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a58293d7")]
    [InlineData("not hex at all, not hex at all, not hex at all, not hex at all!!")]
    [InlineData("a58293d7fa04d53ab90108be275a87fe890eece595962273a93e1f87d398df7400")]
    public void A_missing_or_malformed_public_key_verifies_nothing(string? key)
    {
        var verifier = DiscordSignatureVerifier.ForPublicKey(key);

        Assert.False(verifier.HasKey);
        Assert.False(verifier.Verify("1641309313810", CartoSignature, Ping));
    }

    [Fact]
    public void The_wrong_key_fails()
    {
        Assert.False(DiscordSignatureVerifier.ForPublicKey(D3Key).Verify("1641309313810", CartoSignature, Ping));
    }

    [Fact]
    public void An_absurdly_long_timestamp_is_refused_before_any_work()
    {
        Assert.False(DiscordSignatureVerifier.ForPublicKey(CartoKey).Verify(new string('1', 10_000), CartoSignature, Ping));
    }

    [Fact]
    public void A_generated_key_pair_verifies_random_bodies_of_every_size_and_catches_any_tampering()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var verifier = DiscordSignatureVerifier.ForPublicKey(Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        var random = new Random(20260806);
        // Around the 1 KiB stack/pool switch, and well past it.
        int[] sizes = [0, 1, 10, 1000, 1013, 1014, 1015, 1024, 1025, 4096, 65_536, 1_000_000];
        foreach (var size in sizes.Concat(Enumerable.Range(0, 40).Select(_ => random.Next(0, 20_000))))
        {
            var body = new byte[size];
            random.NextBytes(body);
            var timestamp = (1_700_000_000 + random.Next(0, 1_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

            Assert.True(verifier.Verify(timestamp, signature, body), $"size {size}");
            Assert.False(verifier.Verify(timestamp + "0", signature, body), $"timestamp changed, size {size}");
            Assert.False(verifier.Verify(timestamp[..^1] + (timestamp[^1] == '0' ? '1' : '0'), signature, body), $"timestamp digit, size {size}");
            if (size > 0)
            {
                var tampered = (byte[])body.Clone();
                tampered[random.Next(size)] ^= (byte)(1 << random.Next(8));
                Assert.False(verifier.Verify(timestamp, signature, tampered), $"body bit flipped, size {size}");
                Assert.False(verifier.Verify(timestamp, signature, body.AsSpan(0, size - 1)), $"body cut, size {size}");
            }
            var badSignature = signature.ToCharArray();
            var at = random.Next(badSignature.Length);
            badSignature[at] = badSignature[at] == '0' ? '1' : '0';
            Assert.False(verifier.Verify(timestamp, new string(badSignature), body), $"signature changed, size {size}");
        }
    }
}
