using Bodycam.Firmware.Audit;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// Failed and refused dock attempts (docs/dock-protocol.md, "Rate limiting"): after
/// <see cref="DockServiceOptions.FreeAttempts"/> failures a new challenge waits a back-off that doubles per failure
/// (at most 64 times <see cref="DockServiceOptions.BackoffMilliseconds"/>), and failures are audited at most once
/// per <see cref="DockServiceOptions.AuditQuietMilliseconds"/> (the rest are counted into the next entry) so a flood
/// on the port cannot fill the storage.
/// </summary>
internal sealed class DockAuthFailures
{
    private const int MaxDoublings = 6;

    private readonly IAuditLog _audit;
    private readonly DockServiceOptions _options;
    private int _failures;
    private long _lastFailure;
    private bool _audited;
    private long _lastAudit;
    private int _suppressed;

    /// <summary>Initializes a new instance of the <see cref="DockAuthFailures"/> class.</summary>
    /// <param name="audit">Where failures are recorded.</param>
    /// <param name="options">Free attempts, back-off and the audit's quiet period.</param>
    public DockAuthFailures(IAuditLog audit, DockServiceOptions options)
    {
        _audit = audit;
        _options = options;
    }

    /// <summary>Gets how long a new challenge must still wait, or 0 when one may be issued now.</summary>
    /// <param name="now">Monotonic ms.</param>
    /// <returns>The wait in ms.</returns>
    public long WaitBeforeChallenge(long now)
    {
        if (_failures < _options.FreeAttempts)
        {
            return 0;
        }

        int doublings = _failures - _options.FreeAttempts;
        if (doublings > MaxDoublings)
        {
            doublings = MaxDoublings;
        }

        long until = _lastFailure + (_options.BackoffMilliseconds << doublings);
        return now < until ? until - now : 0;
    }

    /// <summary>Counts a failure and audits it unless an entry was written within the quiet period.</summary>
    /// <param name="reason">The audit subject, <c>dock-auth:&lt;reason&gt;</c>.</param>
    /// <param name="now">Monotonic ms.</param>
    public void Record(string reason, long now)
    {
        _failures++;
        _lastFailure = now;
        if (_audited && now - _lastAudit < _options.AuditQuietMilliseconds)
        {
            _suppressed++;
            return;
        }

        string subject = _suppressed == 0 ? reason : reason + ";suppressed=" + _suppressed.ToString();
        _suppressed = 0;
        _audited = true;
        _lastAudit = now;
        _audit.Append(AuditEventType.AuthenticationFailed, AuditTimeBase.None, 0, subject);
    }

    /// <summary>A host authenticated: the back-off starts over.</summary>
    public void Clear()
    {
        _failures = 0;
    }
}
