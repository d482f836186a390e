using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Support;

// The real SqliteJobStore behind a proxy that counts calls by method name, and can make CountsAsync take a
// while (a database busy with a long write). DispatchProxy needs an unsealed class with a public constructor.
#pragma warning disable CA1852
public class JobStoreSpy : DispatchProxy
#pragma warning restore CA1852
{
    private IJobStore _inner = null!;

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public TimeSpan CountsDelay { get; set; }

    public int CallsTo(string method) => Calls.TryGetValue(method, out var n) ? n : 0;

    public static IJobStore Wrap(IJobStore inner, out JobStoreSpy spy)
    {
        var proxy = Create<IJobStore, JobStoreSpy>();
        spy = (JobStoreSpy)(object)proxy;
        spy._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.AddOrUpdate(targetMethod.Name, 1, (_, n) => n + 1);
        if (targetMethod.Name == nameof(IJobStore.CountsAsync) && CountsDelay > TimeSpan.Zero)
        {
            return DelayedCountsAsync((CancellationToken)args![0]!);
        }
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    private async Task<(int Running, int Queued)> DelayedCountsAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(CountsDelay, cancellationToken);
        return await _inner.CountsAsync(cancellationToken);
    }
}
