namespace Bodycam.Firmware.Hal;

/// <summary>The LEDs of the camera (hardware-notes.md, pin map).</summary>
public enum Led
{
    /// <summary>The red recording LED on the front, visible to the public.</summary>
    Recording = 1,

    /// <summary>The two-colour (green/amber) status LED on top, for the wearer.</summary>
    Status = 2,
}
