using MediaAnalysis.Configuration;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Questions;
using MediaAnalysis.Queue;
using MediaAnalysis.Queue.Questions;
using MediaAnalysis.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MediaAnalysis.Tests.Queue;

// Follow-up questions taken in and answered through a real SQLite store and the fake OpenRouter: refusals in plain
// words, the daily limit by UTC day, and a question stored before a restart answered once by the next process.
public sealed class QuestionDeskTests : IAsyncLifetime
{
    private const string Asker = "vendor-q/asker";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ma-questions-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 23, 0, 0, TimeSpan.Zero));
    private FakeOpenRouter _openRouter = null!;
    private ServiceProvider _services = null!;
    private SqliteJobStore _store = null!;

    public async Task InitializeAsync()
    {
        _openRouter = await FakeOpenRouter.StartAsync();
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        _store = OpenStore();
        await _store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _services.DisposeAsync();
        await _openRouter.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Questions_about_a_running_job_a_missing_transcript_or_too_long_are_refused_in_plain_words()
    {
        using var desk = Desk(_store);
        var running = await Job("k-run", finish: null);
        var gone = await Job("k-gone", finish: JobState.Done, transcript: false);
        var done = await Job("k-done", finish: JobState.Done);

        Assert.Equal(QuestionDesk.StillRunning, (await desk.AskAsync(Question("q1", running.Id), CancellationToken.None)).Refusal);
        Assert.Equal(QuestionDesk.TranscriptGone, (await desk.AskAsync(Question("q2", gone.Id), CancellationToken.None)).Refusal);
        Assert.StartsWith("That question is 1,001 characters long",
            (await desk.AskAsync(Question("q3", done.Id, new string('a', 1001)), CancellationToken.None)).Refusal, StringComparison.Ordinal);
        Assert.Empty(await _store.Questions.UnfinishedQuestionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_daily_limit_refuses_the_next_question_until_the_utc_day_turns()
    {
        using var desk = Desk(_store, perDay: 1);
        var done = await Job("k-done", finish: JobState.Done);

        Assert.NotNull((await desk.AskAsync(Question("q1", done.Id), CancellationToken.None)).Question);
        var again = await desk.AskAsync(Question("q1", done.Id), CancellationToken.None);
        var second = await desk.AskAsync(Question("q2", done.Id), CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        var tomorrow = await desk.AskAsync(Question("q3", done.Id), CancellationToken.None);

        Assert.True(again.Duplicate);
        Assert.Equal("You've asked 1 questions today, the most one member may ask in a day; ask again after midnight UTC.", second.Refusal);
        Assert.NotNull(tomorrow.Question);
    }

    [Fact]
    public async Task A_question_stored_before_a_restart_is_answered_once_by_the_next_process()
    {
        var done = await Job("k-done", finish: JobState.Done);
        using (var before = Desk(_store))
        {
            Assert.NotNull((await before.AskAsync(Question("q1", done.Id, "Where is the office?"), CancellationToken.None)).Question);
        }
        _openRouter.Enqueue(Asker, FakeChatReply.Success("""{"answer":"Probably Berlin.","supported":false,"moments":[]}"""));

        using var reopened = OpenStore();
        await reopened.InitializeAsync(CancellationToken.None);
        using var after = Desk(reopened);
        var pending = Assert.Single(await reopened.Questions.UnfinishedQuestionsAsync(CancellationToken.None));
        var (answered, failure) = await after.AnswerAsync(pending.Key, CancellationToken.None);
        var (again, _) = await after.AnswerAsync(pending.Key, CancellationToken.None);

        Assert.Null(failure);
        Assert.Equal((QuestionState.Answered, QuestionAnswer.NotInVideo, false), (answered!.State, answered.Answer, answered.Supported));
        Assert.Equal(QuestionAnswer.NotInVideo, again!.Answer);
        Assert.Single(_openRouter.Requests);
    }

    private SqliteJobStore OpenStore() => new(
        Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "jobs.db")}" }),
        NullLogger<SqliteJobStore>.Instance);

    private QuestionDesk Desk(SqliteJobStore store, int perDay = 20)
    {
        var call = new SchemaCall(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(new OpenRouterOptions
        {
            ApiKey = _openRouter.ApiKey,
            BaseUrl = _openRouter.BaseAddress.ToString(),
        }));
        var answerer = new QuestionAnswerer(call, Options.Create(new AnalysisOptions { Models = ["vendor-a/model-1"], QuestionModel = Asker }),
            NullLogger<QuestionAnswerer>.Instance);
        return new QuestionDesk(store.Questions, store, answerer, Options.Create(new LimitsOptions { QuestionsPerMemberDaily = perDay }),
            Options.Create(new QueueOptions()), _time, NullLogger<QuestionDesk>.Instance);
    }

    private async Task<JobRecord> Job(string key, JobState? finish, bool transcript = true)
    {
        var job = (await _store.EnqueueAsync(QueueHarness.Request(new Uri("https://cdn.discordapp.com/a.mp4"), key, key), 5, _time.GetUtcNow(), CancellationToken.None)).Job!;
        await _store.ClaimNextAsync("w/n", _time.GetUtcNow(), TimeSpan.FromMinutes(2), CancellationToken.None);
        if (transcript)
        {
            await _store.SaveTranscriptAsync(job.Id, "We agreed on May.", "en", null, CancellationToken.None);
        }
        if (finish is { } state)
        {
            await _store.FinishAsync(job.Id, state, null, _time.GetUtcNow(), CancellationToken.None);
        }
        return job;
    }

    private static QuestionRecord Question(string key, string jobId, string text = "When is the launch?") => new()
    {
        Key = key, JobId = jobId, Platform = "discord", Tenant = "G1", Channel = "T1", AskerId = "U1", AskerName = "Ana", Question = text,
    };
}
