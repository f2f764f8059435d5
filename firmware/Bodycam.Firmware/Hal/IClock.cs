namespace Bodycam.Firmware.Hal;

/// <summary>
/// The monotonic clock of the board: milliseconds since power-on, never going backwards.
/// All time in the firmware core comes from here (no wall clock, no sleeps), which is what lets the emulator run
/// hours of device time in seconds.
/// </summary>
public interface IClock
{
    /// <summary>Reads the milliseconds elapsed since power-on.</summary>
    /// <returns>A non-decreasing count of milliseconds.</returns>
    long ReadMilliseconds();
}
