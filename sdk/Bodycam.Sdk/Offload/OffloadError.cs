namespace Bodycam.Sdk.Offload;

/// <summary>Why an offload stopped before it could finish (docs/dock-protocol.md, "Offload (host side)").</summary>
public enum OffloadError
{
    /// <summary>The destination, or the device's subfolder in it, exists and is a file.</summary>
    DestinationNotAFolder = 1,

    /// <summary>The host may not create or write files in the destination (permissions, a read-only file system).</summary>
    DestinationNotWritable = 2,

    /// <summary>The destination's file system is full (or the user's quota is used up).</summary>
    DestinationFull = 3,

    /// <summary>Writing to the destination failed for another reason (the message says which).</summary>
    DestinationWriteFailed = 4,

    /// <summary>The device announced a device id that breaks the name rule, so it cannot name a folder.</summary>
    UnsafeDeviceId = 5,

    /// <summary>The device announced a recording file name that breaks the name rule.</summary>
    UnsafeFileName = 6,

    /// <summary>The device announced a file larger than the host can hold and verify in memory.</summary>
    FileTooLarge = 7,
}
