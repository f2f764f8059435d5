namespace Bodycam.Sdk.Dock;

/// <summary>Request types of the dock protocol (docs/dock-protocol.md, "Commands").</summary>
public enum DockCommandCode : byte
{
    /// <summary>Version negotiation.</summary>
    Hello = 0x01,

    /// <summary>Device information.</summary>
    Info = 0x02,

    /// <summary>Storage, battery, enrolment and clock details (session).</summary>
    Status = 0x03,

    /// <summary>Asks for a challenge.</summary>
    AuthBegin = 0x10,

    /// <summary>Answers the challenge.</summary>
    AuthProve = 0x11,

    /// <summary>Ends the session.</summary>
    EndSession = 0x12,

    /// <summary>Lists the recording files.</summary>
    ListRecordings = 0x20,

    /// <summary>Reads a byte range of a recording file.</summary>
    ReadRecording = 0x21,

    /// <summary>Confirms an offload; the device deletes the files.</summary>
    ConfirmOffload = 0x22,

    /// <summary>Confirms a whole recording with one manifest digest; the device deletes it.</summary>
    ConfirmRecording = 0x23,

    /// <summary>Confirms a whole recording by each file's name, length and final chain hash; the device deletes it.</summary>
    ConfirmRecordingChain = 0x24,

    /// <summary>Reads a byte range of the audit trail.</summary>
    ReadAudit = 0x30,

    /// <summary>Sets the device clock.</summary>
    SetClock = 0x40,

    /// <summary>Pushes a signed configuration.</summary>
    PushConfiguration = 0x41,

    /// <summary>Reads back the stored configuration document (session).</summary>
    ReadConfiguration = 0x42,

    /// <summary>Enrols an unprovisioned device.</summary>
    Provision = 0x50,

    /// <summary>Clears the enrolment.</summary>
    ResetProvisioning = 0x51,

    /// <summary>An error answer.</summary>
    Error = 0x7F,
}
