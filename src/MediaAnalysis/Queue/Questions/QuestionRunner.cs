using System.Collections.Concurrent;
using MediaAnalysis.Jobs;
using MediaAnalysis.Spend;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue.Questions;

// Answers and posts follow-up questions in the background: each new one at once (Start), and at every start the
// ones a restart left behind: pending ones are answered then posted, answered-but-unposted ones posted, each once
// (the store's pending -> answered -> posted steps are compare-and-set). A question the model could not answer is
// marked failed and the asker told, never tried again. With several instances on one database a question is claimed
// (renewed while it runs): one process answers it, and another takes it over only once the claim lapses.
public sealed partial class QuestionRunner(
    QuestionDesk desk,
    IQuestionStore questions,
    InstanceIdentity identity,
    Microsoft.Extensions.Options.IOptions<StorageOptions> storage,
    IEnumerable<IQuestionReplier> repliers,
    SpendLimits limits,
    SpendMeter meter,
    TimeProvider time,
    ILogger<QuestionRunner> logger) : BackgroundService
{
    // A claim lasts this long and is renewed a third of the way; a dead holder's questions wait at most this (plus a sweep).
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, IQuestionReplier> _repliers = repliers.ToDictionary(r => r.Platform, StringComparer.Ordinal);

    public QuestionDesk Desk => desk;

    // Takes the question and, when it was stored, answers it in the background; the decision is what the asker hears now.
    // A server whose month's budget is used up gets no more answers this month (questions are billed like the rest).
    public async Task<QuestionDecision> AskAsync(QuestionRecord question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if ((await limits.ForAsync(question.Platform, question.Tenant, cancellationToken)).MonthlyBudgetUsd is { } budget
            && (await limits.MonthAsync(question.Platform, question.Tenant, question.AskerId, limits.Now, cancellationToken)).TenantUsd is var spent
            && spent >= budget)
        {
            LogFailed(question.Key, "refused", "budget used up");
            return QuestionDecision.Refused(SpendText.BudgetUsedUp(SpendText.Place(question.Platform), budget, spent, limits.Now,
                raisable: limits.OperatorBudget is not { } ceiling || budget < ceiling));
        }
        var decision = await desk.AskAsync(question, cancellationToken);
        if (decision.Question is { } stored)
        {
            Start(stored.Key);
        }
        return decision;
    }

    // Answers and posts the question unless it is under way here already.
    public void Start(string key)
    {
        if (_stopping.IsCancellationRequested || _running.ContainsKey(key))
        {
            return;
        }
        var run = new TaskCompletionSource();
        if (!_running.TryAdd(key, run.Task))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(key, _stopping.Token);
            }
            finally
            {
                _running.TryRemove(key, out _);
                run.TrySetResult();
            }
        }, CancellationToken.None);
    }

    // The questions in flight (tests and the bench wait on them).
    public int InFlight => _running.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var left = await questions.UnfinishedQuestionsAsync(stoppingToken);
            if (left.Count > 0)
            {
                LogResumed(left.Count);
            }
            foreach (var question in left)
            {
                Start(question.Key);
            }
            // Questions another instance claimed and let lapse (it died) are taken over as their claims run out. SQLite
            // has one instance, whose own are picked up at its next start: nothing to sweep.
            if (!storage.Value.IsPostgres)
            {
                return;
            }
            using var sweep = new PeriodicTimer(SweepEvery, time);
            while (await sweep.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var key in await questions.LapsedQuestionsAsync(identity.Owner, time.GetUtcNow(), stoppingToken))
                {
                    Start(key);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed("-", ex.GetType().Name, ex.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAny(Task.WhenAll(_running.Values), Task.Delay(TimeSpan.FromSeconds(5), time, cancellationToken));
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _stopping.Dispose();
        base.Dispose();
    }

    private async Task RunAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var question = await questions.GetQuestionAsync(key, cancellationToken);
            if (question is null || question.State is QuestionState.Posted or QuestionState.Failed)
            {
                return;
            }
            if (!_repliers.TryGetValue(question.Platform, out var replier))
            {
                LogFailed(key, "no replier", question.Platform);
                return;
            }
            if (!await questions.ClaimQuestionAsync(key, identity.Owner, identity.InstanceId, time.GetUtcNow(), ClaimFor, cancellationToken))
            {
                return; // another live instance is answering it
            }
            using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewal = RenewAsync(key, renewing.Token);
            try
            {
                await AnswerAndPostAsync(question, replier, cancellationToken);
            }
            finally
            {
                await renewing.CancelAsync();
                await renewal;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the next start picks it up where it stands.
        }
        catch (Exception ex)
        {
            LogFailed(key, ex.GetType().Name, ex.Message);
        }
    }

    private async Task RenewAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var every = new PeriodicTimer(ClaimFor / 3, time);
            while (await every.WaitForNextTickAsync(cancellationToken))
            {
                await questions.ClaimQuestionAsync(key, identity.Owner, identity.InstanceId, time.GetUtcNow(), ClaimFor, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or StoreUnavailableException)
        {
            LogFailed(key, ex.GetType().Name, ex.Message);
        }
    }

    private async Task AnswerAndPostAsync(QuestionRecord question, IQuestionReplier replier, CancellationToken cancellationToken)
    {
        var key = question.Key;
        var (answered, failure) = await desk.AnswerAsync(key, cancellationToken);
        // A model call cut short by the shutdown is no failure: the next start answers it.
        cancellationToken.ThrowIfCancellationRequested();
        if (answered is { State: QuestionState.Answered })
        {
            // Billed once by its key, also when a restart gets here again.
            await meter.BillQuestionAsync(answered, cancellationToken);
            await replier.PostAnswerAsync(answered, cancellationToken);
            await questions.MarkQuestionPostedAsync(key, cancellationToken);
        }
        else if (answered is null && await questions.MarkQuestionFailedAsync(key, time.GetUtcNow(), cancellationToken))
        {
            LogFailed(key, "not answered", failure ?? "");
            await replier.PostFailureAsync(question, failure ?? "The question could not be answered.", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Count} question(s) a previous process left unanswered or unposted")]
    private partial void LogResumed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question {Key}: {Type}: {Reason}")]
    private partial void LogFailed(string key, string type, string reason);
}
