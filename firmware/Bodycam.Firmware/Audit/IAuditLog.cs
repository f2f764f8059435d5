namespace Bodycam.Firmware.Audit;

/// <summary>Where the firmware records evidence events (an append-only, hash-chained, signed trail).</summary>
public interface IAuditLog
{
    /// <summary>Appends an event.</summary>
    /// <param name="type">What happened.</param>
    /// <param name="monotonicMilliseconds">The monotonic time of the event.</param>
    /// <param name="subject">What it concerns (a recording id, a setting name), or an empty string; never personal data.</param>
    void Append(AuditEventType type, long monotonicMilliseconds, string subject);
}
