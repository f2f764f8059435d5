namespace Bodycam.Sdk.Recording;

/// <summary>The outcome of reading a recording file.</summary>
public enum RecordingStatus
{
    /// <summary>Every record verified and the file ends with the device's signed close.</summary>
    Complete = 1,

    /// <summary>
    /// The device lost power while recording and closed the file at the next boot with a signed recovery record;
    /// everything before it verified. The record says how many bytes of the segment in flight were cut.
    /// </summary>
    ClosedByRecovery = 2,

    /// <summary>The file ends without a close record (cut short after it left the device, or a partial copy).</summary>
    Truncated = 3,

    /// <summary>Verification failed at a record: see the result's error, record index and offset.</summary>
    Tampered = 4,
}
