namespace MediaAnalysis.Settings;

// A checked change to a server's settings: how it changes them and, in words, what it did (the history's line).
// Or, when the input was refused, one message per field (Slack shows each under its field; Discord lists them).
public sealed record SettingsEdit
{
    private SettingsEdit(Func<TenantSettings, TenantSettings>? apply, string what, IReadOnlyDictionary<string, string> errors)
    {
        Apply = apply ?? (s => s);
        What = what;
        Errors = errors;
    }

    public Func<TenantSettings, TenantSettings> Apply { get; }

    public string What { get; }

    public IReadOnlyDictionary<string, string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    public static SettingsEdit Change(string what, Func<TenantSettings, TenantSettings> apply) =>
        new(apply, what, new Dictionary<string, string>(StringComparer.Ordinal));

    public static SettingsEdit Invalid(IReadOnlyDictionary<string, string> errors) => new(null, "", errors);

    public static SettingsEdit Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string>(StringComparer.Ordinal) { [field] = message });

    // Several edits as one (the Slack modal's fields): valid only when each is.
    public static SettingsEdit All(IReadOnlyList<SettingsEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var errors = edits.SelectMany(e => e.Errors).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var changes = edits.Where(e => e.What.Length > 0).ToList();
        return Change(string.Join("; ", changes.Select(e => e.What)), s => changes.Aggregate(s, (current, e) => e.Apply(current)));
    }
}
