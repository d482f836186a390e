namespace MediaAnalysis.Settings;

// The job store could not read or write a server's settings (it is down, or read-only).
public sealed class SettingsUnavailableException : Exception
{
    public const string Text = "The bot's database cannot be reached just now, so settings cannot be read or changed. Please try again in a minute.";

    public SettingsUnavailableException()
        : base(Text)
    {
    }

    public SettingsUnavailableException(string message)
        : base(message)
    {
    }

    public SettingsUnavailableException(Exception inner)
        : base(Text, inner)
    {
    }

    public SettingsUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
