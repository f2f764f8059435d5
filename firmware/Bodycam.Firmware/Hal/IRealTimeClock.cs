namespace Bodycam.Firmware.Hal;

/// <summary>
/// The battery-backed real-time clock. It may never have been set (a new or fully drained device); the firmware then
/// still records and marks the recording's times as unsynchronised.
/// </summary>
public interface IRealTimeClock
{
    /// <summary>Gets a value indicating whether the clock was set since its backup supply was last lost.</summary>
    bool IsSet { get; }

    /// <summary>Reads the current UTC time.</summary>
    /// <returns>Milliseconds since 1970-01-01T00:00:00Z; meaningless when <see cref="IsSet"/> is false.</returns>
    long ReadUnixMilliseconds();

    /// <summary>Sets the clock.</summary>
    /// <param name="unixMilliseconds">Milliseconds since 1970-01-01T00:00:00Z.</param>
    void Set(long unixMilliseconds);
}
