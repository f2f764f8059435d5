namespace Bodycam.Firmware.Dock;

/// <summary>The error codes of an error frame (docs/dock-protocol.md, "Errors").</summary>
public enum DockError
{
    /// <summary>The frame format version or the requested protocol versions are not supported.</summary>
    UnsupportedVersion = 1,

    /// <summary>The frame type is not a known request.</summary>
    UnknownCommand = 2,

    /// <summary>The payload is malformed or a value is out of range.</summary>
    BadRequest = 3,

    /// <summary>The frame's length exceeds the device's maximum request payload.</summary>
    FrameTooLarge = 4,

    /// <summary>The request is out of order (no hello yet, or a proof without a challenge).</summary>
    BadSequence = 5,

    /// <summary>The request needs an authenticated session (detail 1: the session expired).</summary>
    NotAuthenticated = 6,

    /// <summary>The challenge answer was refused.</summary>
    AuthenticationFailed = 7,

    /// <summary>Too many failed attempts; detail is the wait in milliseconds.</summary>
    RateLimited = 8,

    /// <summary>No such recording file.</summary>
    NotFound = 9,

    /// <summary>A confirmed hash did not match; detail is the index of the first mismatch. Nothing was deleted.</summary>
    HashMismatch = 10,

    /// <summary>The file is in use (a recording still open).</summary>
    Busy = 11,

    /// <summary>The device is not provisioned.</summary>
    NotProvisioned = 12,

    /// <summary>The device is already provisioned (or its provisioning store is tampered).</summary>
    AlreadyProvisioned = 13,

    /// <summary>A signature on a configuration or provisioning request is invalid.</summary>
    BadSignature = 14,

    /// <summary>A configuration's sequence number is not newer than the applied one.</summary>
    StaleConfiguration = 15,

    /// <summary>The storage failed.</summary>
    StorageError = 16,

    /// <summary>Recordings are still on the device.</summary>
    NotEmpty = 17,

    /// <summary>The session's key may not do this (a dock key asking for an authority-only command).</summary>
    Forbidden = 18,
}
