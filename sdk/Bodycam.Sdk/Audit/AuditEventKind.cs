namespace Bodycam.Sdk.Audit;

/// <summary>The evidence events of a device's audit trail (docs/audit-trail.md, "Event types").</summary>
public enum AuditEventKind
{
    /// <summary>A recording started.</summary>
    RecordingStarted = 1,

    /// <summary>A recording stopped and was closed.</summary>
    RecordingStopped = 2,

    /// <summary>An interrupted recording was closed by recovery.</summary>
    RecordingRecovered = 3,

    /// <summary>A marker was dropped.</summary>
    Marker = 4,

    /// <summary>A file was offloaded and its hash confirmed.</summary>
    Offloaded = 5,

    /// <summary>A file was deleted after a confirmed offload.</summary>
    Deleted = 6,

    /// <summary>The configuration changed.</summary>
    ConfigurationChanged = 7,

    /// <summary>The clock was set.</summary>
    ClockSet = 8,

    /// <summary>A fault or tamper indication.</summary>
    Fault = 9,

    /// <summary>A dock authentication failed or a command was refused for want of a session.</summary>
    AuthenticationFailed = 10,

    /// <summary>The device was enrolled.</summary>
    Provisioned = 11,

    /// <summary>The enrolment was cleared.</summary>
    ProvisioningReset = 12,

    /// <summary>
    /// A recording file without a close that the device did not open or cannot prove it opened was found on the card
    /// at boot; it was left untouched and is not device-signed (docs/recording-format.md §5).
    /// </summary>
    ForeignFile = 13,
}
