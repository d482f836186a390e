using System.Text;
using System.Text.RegularExpressions;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Tests.Chat.Discord;

namespace MediaAnalysis.Tests.Diagnostics;

// Everything the app logs during a whole job, at every level, with scopes and exceptions: no key, token,
// signature, transcript or answer in any of it.
[Collection(MediaCollection.Name)]
public sealed partial class LogHygieneTests(MediaFiles media) : IAsyncLifetime, IDisposable
{
    private const string TranscriptMarker = "Quartermaster zebra transcript words";
    private const string AnswerMarker = "Periwinkle answer text from the model";

    private readonly CapturingLoggerProvider _logs = new();
    private PipelineHarness _outside = null!;
    private DiscordFlowHarness _d = null!;

    public async Task InitializeAsync()
    {
        _outside = await PipelineHarness.StartAsync();
        _outside.Files.ServeFile("/attachments/standup.mp4", media[TestVideoKind.Normal]);
        _outside.Deepgram.TranscriptFor = _ => TranscriptMarker + " and the rest of what was said.";
        _outside.OpenRouter.AnswerFor = _ => AnswerMarker + ", with key points.";
        _d = await DiscordFlowHarness.StartAsync(_outside, new() { ["Logging:LogLevel:Default"] = "Trace" },
            services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    public async Task DisposeAsync()
    {
        await _d.DisposeAsync();
        await _outside.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task A_whole_job_logs_no_secret_no_transcript_and_no_answer()
    {
        var interaction = _d.SlashCommand("standup.mp4");
        var token = interaction["token"]!.GetValue<string>();

        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Done, job.State);
        var text = _logs.Text;
        Assert.Contains(job.Id, text); // the capture works: the job's lines are there
        Assert.Contains("Stage Transcribing finished", text);
        Assert.Contains("/webhooks/", text); // Discord calls are logged, with the interaction token redacted
        foreach (var secret in new[] { _outside.Deepgram.ApiKey, _outside.OpenRouter.ApiKey, _d.Discord.BotToken, token, TranscriptMarker, AnswerMarker })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(Signature(), text);
    }

    [GeneratedRegex("[0-9a-fA-F]{128}")]
    private static partial Regex Signature();

    // Message, every state and scope value, exceptions: all a console or JSON formatter could print.
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private readonly StringBuilder _text = new();
        private IExternalScopeProvider? _scopes;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private void Add(string line)
        {
            lock (_text)
            {
                _text.AppendLine(line);
            }
        }

        private sealed class Capture(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder($"{logLevel} {category} {formatter(state, exception)}");
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        line.Append(' ').Append(key).Append('=').Append(value);
                    }
                }
                owner._scopes?.ForEachScope((scope, builder) => builder.Append(" scope=").Append(scope), line);
                if (exception is not null)
                {
                    line.Append(' ').Append(exception);
                }
                owner.Add(line.ToString());
            }
        }
    }
}
