using System.Buffers;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace MediaAnalysis.Chat.Discord.Inbound;

// Ed25519 over UTF8(X-Signature-Timestamp) ++ the raw body bytes, exactly as received. Any doubt is a
// false: Discord probes the endpoint with bad signatures and removes the URL unless they get 401.
public sealed class DiscordSignatureVerifier
{
    private const int SignatureBytes = 64;
    private const int MaxTimestampChars = 32;
    private const int StackLimit = 1024;

    private readonly PublicKey? _key;

    public DiscordSignatureVerifier(IOptions<DiscordOptions> options)
        : this(options.Value.PublicKey)
    {
    }

    private DiscordSignatureVerifier(string? publicKeyHex) => _key = ImportKey(publicKeyHex);

    public bool HasKey => _key is not null;

    public static DiscordSignatureVerifier ForPublicKey(string? publicKeyHex) => new(publicKeyHex);

    public bool Verify(string? timestampHeader, string? signatureHexHeader, ReadOnlySpan<byte> body)
    {
        if (_key is null || string.IsNullOrEmpty(timestampHeader) || timestampHeader.Length > MaxTimestampChars
            || signatureHexHeader is null || signatureHexHeader.Length != SignatureBytes * 2)
        {
            return false;
        }
        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(signatureHexHeader, signature, out _, out var written) != OperationStatus.Done
            || written != SignatureBytes)
        {
            return false;
        }

        var timestampLength = Encoding.UTF8.GetByteCount(timestampHeader);
        var length = timestampLength + body.Length;
        byte[]? rented = null;
        var message = length <= StackLimit
            ? stackalloc byte[StackLimit]
            : rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Encoding.UTF8.GetBytes(timestampHeader, message);
            body.CopyTo(message[timestampLength..]);
            return SignatureAlgorithm.Ed25519.Verify(_key, message[..length], signature);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static PublicKey? ImportKey(string? hex)
    {
        if (string.IsNullOrWhiteSpace(hex))
        {
            return null;
        }
        Span<byte> raw = stackalloc byte[32];
        var trimmed = hex.Trim();
        if (trimmed.Length != 64 || Convert.FromHexString(trimmed, raw, out _, out var written) != OperationStatus.Done || written != 32)
        {
            return null;
        }
        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) ? key : null;
    }
}
