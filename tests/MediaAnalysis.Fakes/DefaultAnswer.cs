using System.Security.Cryptography;
using System.Text;

namespace MediaAnalysis.Fakes;

// Deterministic Markdown that says which model answered which prompt, so tests can match answers to
// requests without parsing them.
internal static class DefaultAnswer
{
    private const int SystemPrefix = 60;

    public static string For(ChatRequest request)
    {
        var system = request.Messages.FirstOrDefault(m => m.Role is "system" or "developer").Content ?? "";
        system = system.ReplaceLineEndings(" ").Trim();
        var prefix = system.Length > SystemPrefix ? system[..SystemPrefix] + "…" : system;
        var user = string.Join(' ', request.Messages.Where(m => m.Role == "user").Select(m => m.Content));
        var words = user.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(request.Body))[..8];
        return new StringBuilder()
            .Append("**Answer** from ").Append(request.Model).Append(" for: ").Append(prefix).Append('\n')
            .Append('\n')
            .Append("- The input has ").Append(words).Append(" words.\n")
            .Append("- Main point: the speakers agreed on a plan and a date.\n")
            .Append("- Open question: who sends the summary?\n")
            .Append('\n')
            .Append("_Request ").Append(fingerprint).Append("._")
            .ToString();
    }
}
