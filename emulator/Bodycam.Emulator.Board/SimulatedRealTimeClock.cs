using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Board;

/// <summary>
/// The battery-backed wall clock of an emulated board: an offset over the monotonic <see cref="VirtualClock"/>, so
/// it runs exactly as fast as simulated time.
/// </summary>
public sealed class SimulatedRealTimeClock : IRealTimeClock
{
    private readonly VirtualClock _clock;
    private long _offset;

    /// <summary>Creates an RTC that is not set.</summary>
    /// <param name="clock">The monotonic clock it runs on.</param>
    public SimulatedRealTimeClock(VirtualClock clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <inheritdoc />
    public bool IsSet { get; private set; }

    /// <inheritdoc />
    public long ReadUnixMilliseconds()
    {
        return _clock.Now + _offset;
    }

    /// <inheritdoc />
    public void Set(long unixMilliseconds)
    {
        _offset = unixMilliseconds - _clock.Now;
        IsSet = true;
    }

    /// <summary>Forgets the time, as a board whose backup cell ran flat.</summary>
    public void Reset()
    {
        _offset = 0;
        IsSet = false;
    }
}
