namespace Bodycam.Firmware.Button;

/// <summary>A gesture recognised on the record button.</summary>
public enum ButtonGesture
{
    /// <summary>A short press, released within the double-press window, not followed by a second press.</summary>
    SinglePress = 1,

    /// <summary>A second press started within the double-press window of the first.</summary>
    DoublePress = 2,

    /// <summary>A press held for the stop-hold time (reported while still held).</summary>
    Hold = 3,

    /// <summary>The button stayed down beyond the stuck limit.</summary>
    Stuck = 4,

    /// <summary>A button reported stuck was released.</summary>
    StuckReleased = 5,
}
