using System.Text.Json.Serialization;

namespace MediaAnalysis.Jobs;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobSettings))]
public sealed partial class JobSettingsJsonContext : JsonSerializerContext;
