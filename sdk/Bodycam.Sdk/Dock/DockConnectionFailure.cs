namespace Bodycam.Sdk.Dock;

/// <summary>Why the link to a device failed.</summary>
public enum DockConnectionFailure
{
    /// <summary>No answer within the timeout (after the retries allowed).</summary>
    Timeout = 1,

    /// <summary>The link was closed.</summary>
    Closed = 2,

    /// <summary>The device's answer did not parse as the protocol says.</summary>
    MalformedResponse = 3,

    /// <summary>The device speaks no protocol version this client speaks.</summary>
    IncompatibleVersion = 4,

    /// <summary>
    /// The device did not prove possession of the expected device key (a different key than the pinned one, or a
    /// signature that does not verify): it is not the camera it claims to be.
    /// </summary>
    DeviceNotAuthentic = 5,
}
