using System.Text.Json.Serialization;

namespace MediaAnalysis.TestHost;

[JsonSerializable(typeof(FileReplier.Line))]
internal sealed partial class TestHostJsonContext : JsonSerializerContext;
