namespace Bodycam.Firmware.Audit;

/// <summary>
/// The evidence events the audit trail records. By the municipal decision (and the works council's condition) nothing
/// about the wearer's whereabouts, shifts or working hours is recorded: no power-on, no button use outside recordings.
/// </summary>
public enum AuditEventType
{
    /// <summary>A recording started.</summary>
    RecordingStarted = 1,

    /// <summary>A recording stopped and was closed.</summary>
    RecordingStopped = 2,

    /// <summary>An interrupted recording was closed by recovery at boot.</summary>
    RecordingRecovered = 3,

    /// <summary>A marker was dropped in a recording.</summary>
    Marker = 4,

    /// <summary>A recording was offloaded and the host confirmed its hash.</summary>
    Offloaded = 5,

    /// <summary>A recording was deleted after a confirmed offload.</summary>
    Deleted = 6,

    /// <summary>The configuration was changed.</summary>
    ConfigurationChanged = 7,

    /// <summary>The clock was set.</summary>
    ClockSet = 8,

    /// <summary>A fault (storage, battery) or a tamper indication.</summary>
    Fault = 9,

    /// <summary>A dock authentication failed.</summary>
    AuthenticationFailed = 10,

    /// <summary>The device was provisioned (enrolled in a municipality).</summary>
    Provisioned = 11,

    /// <summary>The enrolment was cleared by an authorised reset over the dock.</summary>
    ProvisioningReset = 12,

    /// <summary>
    /// A recording file without a close that the device did not open or cannot prove it opened was found on the card
    /// at boot (subject: the recording id of its file name); it was left untouched and unsigned.
    /// </summary>
    ForeignFile = 13,
}
