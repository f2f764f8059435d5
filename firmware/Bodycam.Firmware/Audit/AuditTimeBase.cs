namespace Bodycam.Firmware.Audit;

/// <summary>
/// What an audit record's time field counts (docs/audit-trail.md, "Times"). There is deliberately no base for the
/// monotonic clock: milliseconds since power-on would date the start of the wearer's shift.
/// </summary>
public enum AuditTimeBase
{
    /// <summary>The record carries no time (its place in the sequence is all a verifier needs).</summary>
    None = 0,

    /// <summary>UTC milliseconds since 1970 from the set real-time clock.</summary>
    Utc = 1,

    /// <summary>Milliseconds since the start of the recording the record names (the recording header's start).</summary>
    SinceRecordingStart = 2,
}
