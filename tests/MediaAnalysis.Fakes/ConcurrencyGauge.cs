namespace MediaAnalysis.Fakes;

internal sealed class ConcurrencyGauge
{
    private int _current;
    private int _max;

    public int Current => Volatile.Read(ref _current);

    public int Max => Volatile.Read(ref _max);

    public Scope Enter()
    {
        var now = Interlocked.Increment(ref _current);
        for (var seen = Volatile.Read(ref _max); now > seen; seen = Volatile.Read(ref _max))
        {
            if (Interlocked.CompareExchange(ref _max, now, seen) == seen)
            {
                break;
            }
        }
        return new Scope(this);
    }

    internal readonly struct Scope(ConcurrencyGauge gauge) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref gauge._current);
    }
}
