using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Chat.Slack.Inbound;

// Slack's v0 scheme: "v0=" + lowercase hex HMAC-SHA256 over "v0:{X-Slack-Request-Timestamp}:{raw body}", keyed with
// the signing secret's UTF-8 text. Computed over the raw bytes as received (decoding and re-encoding a form or JSON
// body changes them), fed to the HMAC piece by piece, and compared in constant time. Any doubt is a refusal.
public sealed class SlackSignatureVerifier
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private const int HexLength = 64;
    private const int MaxTimestampChars = 16;

    private readonly byte[]? _key;
    private readonly TimeProvider _time;

    public SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider time)
        : this(options.Value.SigningSecret, time)
    {
    }

    private SlackSignatureVerifier(string? signingSecret, TimeProvider time)
    {
        _key = string.IsNullOrWhiteSpace(signingSecret) ? null : Encoding.UTF8.GetBytes(signingSecret.Trim());
        _time = time;
    }

    public bool HasSecret => _key is not null;

    public static SlackSignatureVerifier ForSecret(string? signingSecret, TimeProvider time) => new(signingSecret, time);

    public SlackVerification Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return SlackVerification.Missing;
        }
        if (_key is null || timestampHeader.Length > MaxTimestampChars || !timestampHeader.All(char.IsAsciiDigit)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackVerification.Invalid;
        }
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)MaxSkew.TotalSeconds)
        {
            return SlackVerification.Stale;
        }
        if (signatureHeader.Length != Version.Length + 1 + HexLength)
        {
            return SlackVerification.Invalid;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        Span<byte> scratch = stackalloc byte[MaxTimestampChars + 4];
        var written = Encoding.ASCII.GetBytes($"{Version}:{timestampHeader}:", scratch);
        hmac.AppendData(scratch[..written]);
        hmac.AppendData(body);
        Span<byte> mac = stackalloc byte[32];
        hmac.GetHashAndReset(mac);

        // Expected and received as ASCII text: a non-ASCII or upper-case character simply does not match.
        Span<byte> expected = stackalloc byte[Version.Length + 1 + HexLength];
        "v0="u8.CopyTo(expected);
        Convert.TryToHexStringLower(mac, expected[3..], out _);
        Span<byte> received = stackalloc byte[Version.Length + 1 + HexLength];
        for (var i = 0; i < received.Length; i++)
        {
            var c = signatureHeader[i];
            received[i] = c < 128 ? (byte)c : (byte)0;
        }
        return CryptographicOperations.FixedTimeEquals(expected, received) ? SlackVerification.Valid : SlackVerification.Invalid;
    }
}
