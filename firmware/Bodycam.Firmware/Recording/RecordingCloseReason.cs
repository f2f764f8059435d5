namespace Bodycam.Firmware.Recording;

/// <summary>Why a recording file was closed (the close record's reason byte, docs/recording-format.md).</summary>
public enum RecordingCloseReason
{
    /// <summary>The wearer (or low battery) stopped the recording.</summary>
    Stopped = 1,

    /// <summary>The file reached its size or duration limit; the recording goes on in the next file.</summary>
    Continued = 2,

    /// <summary>The storage ran out of room; the recording ends here.</summary>
    StorageFull = 3,
}
