namespace Bodycam.Sdk.Recording;

/// <summary>Why the device closed a file (the close record's reason byte, docs/recording-format.md).</summary>
public enum RecordingCloseReason
{
    /// <summary>The wearer (or low battery) stopped the recording.</summary>
    Stopped = 1,

    /// <summary>The file reached its size or duration limit; the recording continues in the next file.</summary>
    Continued = 2,

    /// <summary>The storage ran out of room; the recording ends here.</summary>
    StorageFull = 3,
}
