namespace MediaAnalysis.Settings;

// One line of `show`: the setting, its value, and whether the server set it (else it is the operator's default).
public sealed record SettingLine(string Name, string Value, bool ByServer);
