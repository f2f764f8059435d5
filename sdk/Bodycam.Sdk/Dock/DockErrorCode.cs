namespace Bodycam.Sdk.Dock;

/// <summary>Error codes a device answers with (docs/dock-protocol.md, "Errors").</summary>
public enum DockErrorCode
{
    /// <summary>Frame format or protocol versions not supported.</summary>
    UnsupportedVersion = 1,

    /// <summary>Unknown request type.</summary>
    UnknownCommand = 2,

    /// <summary>Malformed payload or a value out of range.</summary>
    BadRequest = 3,

    /// <summary>The request frame exceeds the device's maximum.</summary>
    FrameTooLarge = 4,

    /// <summary>Out of order (no hello yet, or a proof without a challenge).</summary>
    BadSequence = 5,

    /// <summary>An authenticated session is needed (detail 1: it expired).</summary>
    NotAuthenticated = 6,

    /// <summary>The challenge answer was refused.</summary>
    AuthenticationFailed = 7,

    /// <summary>Too many failures; detail is the wait in milliseconds.</summary>
    RateLimited = 8,

    /// <summary>No such recording file.</summary>
    NotFound = 9,

    /// <summary>A confirmed hash did not match; nothing was deleted.</summary>
    HashMismatch = 10,

    /// <summary>The recording is still open.</summary>
    Busy = 11,

    /// <summary>The device is not provisioned.</summary>
    NotProvisioned = 12,

    /// <summary>The device is already provisioned (detail 1: its store is tampered).</summary>
    AlreadyProvisioned = 13,

    /// <summary>A signature on the request is invalid.</summary>
    BadSignature = 14,

    /// <summary>The configuration's sequence is not newer than the applied one.</summary>
    StaleConfiguration = 15,

    /// <summary>The device's storage failed.</summary>
    StorageError = 16,

    /// <summary>Recordings are still on the device.</summary>
    NotEmpty = 17,

    /// <summary>The session's key may not do this.</summary>
    Forbidden = 18,
}
