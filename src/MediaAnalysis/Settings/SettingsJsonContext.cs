using System.Text.Json.Serialization;

namespace MediaAnalysis.Settings;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TenantSettings))]
public sealed partial class SettingsJsonContext : JsonSerializerContext;
