using Bodycam.Firmware.Audit;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>Appends to the signed trail first, then traces the record's kind, time and subject.</summary>
public sealed class TracingAuditLog : IAuditLog
{
    private readonly IAuditLog _trail;
    private readonly Trace _trace;

    /// <summary>Initializes a new instance of the <see cref="TracingAuditLog"/> class.</summary>
    /// <param name="trail">The signed trail.</param>
    /// <param name="trace">Where records are traced.</param>
    public TracingAuditLog(IAuditLog trail, Trace trace)
    {
        _trail = trail;
        _trace = trace;
    }

    /// <inheritdoc/>
    public void Append(AuditEventType type, AuditTimeBase timeBase, long milliseconds, string subject)
    {
        _trail.Append(type, timeBase, milliseconds, subject);
        _trace.Add("audit " + ((int)type).ToString() + " " + ((int)timeBase).ToString() + " " + milliseconds.ToString() + " " + subject);
    }
}
