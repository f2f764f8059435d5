namespace Bodycam.Sdk.Audit;

/// <summary>What an audit record's time counts (docs/audit-trail.md, "Times").</summary>
public enum AuditTimeBase
{
    /// <summary>The record carries no time; its sequence number places it.</summary>
    None = 0,

    /// <summary>UTC milliseconds since 1970 from the device's set real-time clock.</summary>
    Utc = 1,

    /// <summary>Milliseconds since the start of the recording the record names.</summary>
    SinceRecordingStart = 2,
}
