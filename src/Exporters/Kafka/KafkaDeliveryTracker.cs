using Confluent.Kafka;

namespace Gateway.Exporters.Kafka;

/// <summary>
/// Collects the delivery reports of one produce round. Records are grouped in slots (one per event of a
/// batch, or per snapshot); a slot is delivered when all its records are acknowledged. Completes when
/// every expected report arrived and the round is <see cref="Seal"/>ed.
/// </summary>
public sealed class KafkaDeliveryTracker
{
    private readonly int[] _pending;
    private readonly KafkaFailure?[] _failures;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _outstanding = 1; // the round itself, until sealed

    public KafkaDeliveryTracker(int slots)
    {
        _pending = new int[slots];
        _failures = new KafkaFailure?[slots];
    }

    /// <summary>Completes when every expected report arrived after <see cref="Seal"/>.</summary>
    public Task Completion => _done.Task;

    public int Slots => _pending.Length;

    /// <summary>A record of <paramref name="slot"/> is about to be produced: one more report to wait for.</summary>
    public void Expect(int slot)
    {
        lock (_lock)
        {
            _pending[slot]++;
        }
        Interlocked.Increment(ref _outstanding);
    }

    /// <summary>A delivery report (or a local failure of an expected record).</summary>
    public void Report(int slot, ErrorCode code, string topic, Func<string> reason)
    {
        lock (_lock)
        {
            _pending[slot]--;
            if (code != ErrorCode.NoError && _failures[slot] is null)
            {
                _failures[slot] = new KafkaFailure(code, topic, reason());
            }
        }
        Release();
    }

    /// <summary>A slot whose records were never produced (the round stopped before it): not delivered.</summary>
    public void NotSent(int slot, KafkaFailure failure)
    {
        lock (_lock)
        {
            _failures[slot] ??= failure;
        }
    }

    /// <summary>Every record of the round has been handed to the producer.</summary>
    public void Seal() => Release();

    /// <summary>How many slots at the head were delivered whole, and the failure of the first one that was not (null: still waiting).</summary>
    public (int Delivered, KafkaFailure? Failure, bool Waiting) HeadResult()
    {
        lock (_lock)
        {
            var n = 0;
            while (n < _pending.Length && _pending[n] == 0 && _failures[n] is null)
            {
                n++;
            }
            return n == _pending.Length ? (n, null, false) : (n, _failures[n], _pending[n] > 0 && _failures[n] is null);
        }
    }

    /// <summary>Of the first <paramref name="slots"/> slots: delivered whole, failed (or still waiting), and the first failure seen.</summary>
    public (int Delivered, int Failed, KafkaFailure? First) Totals(int slots)
    {
        lock (_lock)
        {
            int delivered = 0, failed = 0;
            KafkaFailure? first = null;
            for (var i = 0; i < slots; i++)
            {
                if (_pending[i] == 0 && _failures[i] is null)
                {
                    delivered++;
                }
                else
                {
                    failed++;
                    first ??= _failures[i];
                }
            }
            return (delivered, failed, first);
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _done.TrySetResult();
        }
    }
}
