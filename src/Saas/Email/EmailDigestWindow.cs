using Gateway.Core.Events;

namespace Gateway.Saas.Email;

/// <summary>
/// When the next digest mail is due. The events themselves wait in the outbox (nothing is held in
/// memory but this time), so a crash loses nothing: after a restart the window is worked out again from
/// the oldest waiting event. A window opens with the oldest event of the batch and closes one period
/// after it (at least one period after the last digest sent, at most one period from now, so a node's
/// skewed clock cannot stretch it); a digest that took a full batch leaves the window due, so the rest
/// of a large backlog follows at once in further mails.
/// </summary>
public sealed class EmailDigestWindow
{
    /// <summary>A digest due within this much counts as due (a timer may fire a hair early).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(500);

    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private DateTimeOffset? _due;
    private DateTimeOffset? _lastSent;

    public EmailDigestWindow(TimeSpan period, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _period = period;
        _time = time;
    }

    /// <summary>When the open window closes, or null while none is open.</summary>
    public DateTimeOffset? Due => _due;

    /// <summary>How long <paramref name="batch"/> must still wait; zero when the digest is due now.</summary>
    public TimeSpan WaitFor(IReadOnlyList<GatewayEvent> batch)
    {
        ArgumentOutOfRangeException.ThrowIfZero(batch.Count);
        var now = _time.GetUtcNow();
        if (_due is null)
        {
            var due = batch.Min(e => e.Time) + _period;
            if (_lastSent is { } last && due < last + _period)
            {
                due = last + _period;
            }
            if (due > now + _period)
            {
                due = now + _period;
            }
            _due = due;
        }
        var wait = _due.Value - now;
        return wait <= Tolerance ? TimeSpan.Zero : wait;
    }

    /// <summary>A digest mail went out; <paramref name="more"/>: it took a full batch, more may wait.</summary>
    public void Sent(bool more)
    {
        _lastSent = _time.GetUtcNow();
        if (!more)
        {
            _due = null;
        }
    }
}
