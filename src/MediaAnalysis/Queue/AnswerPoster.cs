using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue;

// Each answer goes out as soon as its call returns, whatever the others do: a model stuck for minutes hides
// nothing (each title names its prompt and model). Answers already in when posting starts (a resumed job) go
// in prompt-major order. Each is recorded as posted right after, so a restart never posts it again.
public sealed class AnswerPoster : IDisposable
{
    private readonly string _jobId;
    private readonly List<(string Prompt, string Model)> _order;
    private readonly Dictionary<(string, string), ModelOutcome> _outcomes = [];
    private readonly HashSet<(string, string)> _posted = [];
    private readonly IChatReplier _replier;
    private readonly ReplyContext _context;
    private readonly IJobStore _store;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public AnswerPoster(
        string jobId,
        IReadOnlyList<string> prompts,
        IReadOnlyList<string> models,
        IReadOnlyList<StoredAnswer> stored,
        IChatReplier replier,
        ReplyContext context,
        IJobStore store)
    {
        _jobId = jobId;
        _order = [.. prompts.SelectMany(p => models.Select(m => (p, m)))];
        _replier = replier;
        _context = context;
        _store = store;
        foreach (var answer in stored)
        {
            _outcomes[(answer.Outcome.Prompt, answer.Outcome.Model)] = answer.Outcome;
            if (answer.Posted)
            {
                _posted.Add((answer.Outcome.Prompt, answer.Outcome.Model));
            }
        }
    }

    public async Task AddAsync(ModelOutcome outcome, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _outcomes[(outcome.Prompt, outcome.Model)] = outcome;
        }
        finally
        {
            _gate.Release();
        }
        await PostReadyAsync(cancellationToken);
    }

    public async Task PostReadyAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var key in _order)
            {
                if (_outcomes.TryGetValue(key, out var outcome) && !_posted.Contains(key))
                {
                    await _replier.PostAnswerAsync(_context, outcome, cancellationToken);
                    await _store.MarkAnswerPostedAsync(_jobId, key.Prompt, key.Model, CancellationToken.None);
                    _posted.Add(key);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
