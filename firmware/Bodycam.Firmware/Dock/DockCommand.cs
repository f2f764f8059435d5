namespace Bodycam.Firmware.Dock;

/// <summary>
/// The frame types of the dock protocol (docs/dock-protocol.md, "Commands"). A response carries the request's type
/// with <see cref="DockProtocol.ResponseFlag"/> set; an error answer is <see cref="Error"/>.
/// </summary>
public enum DockCommand
{
    /// <summary>Version negotiation; the first request on every connection. Unauthenticated.</summary>
    Hello = 0x01,

    /// <summary>Device information. Unauthenticated.</summary>
    Info = 0x02,

    /// <summary>Storage, battery, enrolment and clock details. Needs a session.</summary>
    Status = 0x03,

    /// <summary>Asks for a fresh authentication challenge.</summary>
    AuthBegin = 0x10,

    /// <summary>Answers the challenge with a signature.</summary>
    AuthProve = 0x11,

    /// <summary>Ends the session.</summary>
    EndSession = 0x12,

    /// <summary>Lists the recording files.</summary>
    ListRecordings = 0x20,

    /// <summary>Reads a byte range of a recording file.</summary>
    ReadRecording = 0x21,

    /// <summary>Confirms an offload with the SHA-256 of each file; the device then deletes them.</summary>
    ConfirmOffload = 0x22,

    /// <summary>Confirms a whole recording (up to 1000 files) with one manifest digest; the device then deletes it.</summary>
    ConfirmRecording = 0x23,

    /// <summary>
    /// Confirms a whole recording (up to 1000 files) with one manifest digest over each file's name, length and final
    /// chain hash; the device checks it against the close record at the end of each file, then deletes the recording.
    /// </summary>
    ConfirmRecordingChain = 0x24,

    /// <summary>Reads a byte range of the audit trail.</summary>
    ReadAudit = 0x30,

    /// <summary>Sets the real-time clock.</summary>
    SetClock = 0x40,

    /// <summary>Applies a configuration signed by the authority key.</summary>
    PushConfiguration = 0x41,

    /// <summary>Reads back the stored configuration document. Needs a session.</summary>
    ReadConfiguration = 0x42,

    /// <summary>Enrols the device in a municipality (only when unprovisioned).</summary>
    Provision = 0x50,

    /// <summary>Clears the enrolment (authority session only, no recordings left).</summary>
    ResetProvisioning = 0x51,

    /// <summary>The error answer to any request.</summary>
    Error = 0x7F,
}
