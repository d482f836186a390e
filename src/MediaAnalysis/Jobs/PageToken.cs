using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MediaAnalysis.Jobs;

// A results page's private link token: 128 bits from the cryptographic generator, base64url (22 characters).
// Only its SHA-256 is stored, so a copy of the database opens no page; a request is looked up by the hash of what
// it brought, well-formed or not, so a malformed token costs what a miss costs.
public static class PageToken
{
    public const int Length = 22;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
