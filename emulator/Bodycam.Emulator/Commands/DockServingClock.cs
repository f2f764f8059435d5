using System;
using System.Collections.Generic;
using Bodycam.Emulator.Device;

namespace Bodycam.Emulator.Commands;

/// <summary>
/// Moves served devices' virtual clocks along with a host clock (docs/emulator.md, "Serving the dock"): each
/// <see cref="Tick"/> advances every device by the host time elapsed since the previous one, running its board loop
/// (and so its dock service's timers) through that span. Tests drive it with a fake <see cref="TimeProvider"/>.
/// </summary>
public sealed class DockServingClock
{
    private readonly IReadOnlyList<EmulatedDevice> _devices;
    private readonly TimeProvider _time;
    private long _last;

    /// <summary>Initializes a new instance of the <see cref="DockServingClock"/> class, starting now.</summary>
    /// <param name="devices">The devices to keep in step.</param>
    /// <param name="time">The host clock.</param>
    public DockServingClock(IReadOnlyList<EmulatedDevice> devices, TimeProvider time)
    {
        _devices = devices ?? throw new ArgumentNullException(nameof(devices));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _last = _time.GetTimestamp();
    }

    /// <summary>Advances every device by the whole milliseconds elapsed on the host clock since the last tick.</summary>
    /// <returns>The milliseconds advanced.</returns>
    public long Tick()
    {
        long now = _time.GetTimestamp();
        long elapsed = (long)_time.GetElapsedTime(_last, now).TotalMilliseconds;
        if (elapsed <= 0)
        {
            return 0;
        }

        // Keep the fraction of a millisecond for the next tick, so the device clock never drifts from the host's.
        _last += elapsed * _time.TimestampFrequency / 1000;
        foreach (EmulatedDevice device in _devices)
        {
            device.Advance(elapsed);
        }

        return elapsed;
    }
}
