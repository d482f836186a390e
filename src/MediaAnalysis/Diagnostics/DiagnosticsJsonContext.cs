using System.Text.Json.Serialization;

namespace MediaAnalysis.Diagnostics;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class DiagnosticsJsonContext : JsonSerializerContext;
