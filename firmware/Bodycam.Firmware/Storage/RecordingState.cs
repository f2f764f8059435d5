namespace Bodycam.Firmware.Storage;

/// <summary>The state of a recording (or one of its files) on the device's storage.</summary>
public enum RecordingState
{
    /// <summary>Being written now.</summary>
    Open = 1,

    /// <summary>Closed normally by a signed close record.</summary>
    Closed = 2,

    /// <summary>Interrupted (power cut) and closed at boot by a signed "closed by recovery" record.</summary>
    Recovered = 3,

    /// <summary>Interrupted and not yet recovered (recovery runs at boot).</summary>
    Interrupted = 4,

    /// <summary>
    /// Not a well-formed recording: its header never fully reached the card, or a record is corrupt (not merely torn).
    /// Left untouched for the host to examine; deleted only through the offload path.
    /// </summary>
    Damaged = 5,
}
