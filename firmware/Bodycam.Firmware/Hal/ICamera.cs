namespace Bodycam.Firmware.Hal;

/// <summary>
/// The camera and encoder (a native component on the device; simulated in the emulator). While started it delivers
/// encoded frames to the firmware core through the board loop; it never stores anything itself.
/// </summary>
public interface ICamera
{
    /// <summary>Starts capture and encoding.</summary>
    void Start();

    /// <summary>Stops capture and encoding.</summary>
    void Stop();
}
