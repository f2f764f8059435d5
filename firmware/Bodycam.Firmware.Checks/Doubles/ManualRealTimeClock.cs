using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>A real-time clock that follows a <see cref="ManualClock"/> from the moment it was set.</summary>
public sealed class ManualRealTimeClock : IRealTimeClock
{
    private readonly ManualClock _clock;
    private long _setAt;
    private long _unixAtSet;

    /// <summary>Initializes a new instance of the <see cref="ManualRealTimeClock"/> class, not set.</summary>
    /// <param name="clock">The monotonic clock it follows.</param>
    public ManualRealTimeClock(ManualClock clock)
    {
        _clock = clock;
    }

    /// <inheritdoc/>
    public bool IsSet { get; private set; }

    /// <inheritdoc/>
    public long ReadUnixMilliseconds()
    {
        return IsSet ? _unixAtSet + (_clock.Now - _setAt) : 0;
    }

    /// <inheritdoc/>
    public void Set(long unixMilliseconds)
    {
        _unixAtSet = unixMilliseconds;
        _setAt = _clock.Now;
        IsSet = true;
    }

    /// <summary>Forgets the time (a flat backup cell).</summary>
    public void Unset()
    {
        IsSet = false;
    }
}
