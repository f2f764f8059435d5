using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Board;

/// <summary>
/// The monotonic millisecond clock of an emulated board. It never moves on its own: the scheduler moves it to the
/// next event, which is what lets hours of device time run in seconds.
/// </summary>
public sealed class VirtualClock : IClock
{
    /// <summary>The current simulated time in milliseconds since the board was created.</summary>
    public long Now { get; private set; }

    /// <inheritdoc />
    public long ReadMilliseconds()
    {
        return Now;
    }

    /// <summary>Moves the clock forward to <paramref name="milliseconds"/>.</summary>
    /// <param name="milliseconds">The new time; never earlier than <see cref="Now"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The time would go backwards.</exception>
    public void AdvanceTo(long milliseconds)
    {
        if (milliseconds < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(milliseconds), "The monotonic clock cannot go backwards.");
        }

        Now = milliseconds;
    }

    /// <summary>Puts the clock back to zero.</summary>
    public void Reset()
    {
        Now = 0;
    }
}
