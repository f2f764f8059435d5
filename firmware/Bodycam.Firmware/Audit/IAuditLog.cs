namespace Bodycam.Firmware.Audit;

/// <summary>Where the firmware records evidence events (an append-only, hash-chained, signed trail).</summary>
public interface IAuditLog
{
    /// <summary>Appends an event.</summary>
    /// <param name="type">What happened.</param>
    /// <param name="timeBase">
    /// What <paramref name="milliseconds"/> counts: <see cref="AuditTimeBase.None"/> for every event whose time is
    /// not evidence (docs/audit-trail.md says which events carry a time); never the monotonic clock.
    /// </param>
    /// <param name="milliseconds">The time in <paramref name="timeBase"/>; ignored (stored as 0) for <see cref="AuditTimeBase.None"/>.</param>
    /// <param name="subject">What it concerns (a recording id, a setting name), or an empty string; never personal data.</param>
    void Append(AuditEventType type, AuditTimeBase timeBase, long milliseconds, string subject);
}
