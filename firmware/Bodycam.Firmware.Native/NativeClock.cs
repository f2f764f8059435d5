using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Native;

/// <summary>
/// The monotonic clock: the chip's high-resolution timer (<c>esp_timer_get_time</c>, microseconds since boot, never
/// set, never going back) read through the board's native component; <c>clock_gettime(CLOCK_MONOTONIC)</c> on the
/// posix board. nanoFramework's mscorlib has no monotonic tick API, and
/// <c>DateTime.UtcNow</c> jumps when the clock is set, so the core's time (hardware-notes.md, "Native component")
/// comes from here.
/// </summary>
public sealed class NativeClock : IClock
{
    /// <inheritdoc/>
    public long ReadMilliseconds()
    {
        return NativeReadMicroseconds() / 1000;
    }

    /// <summary>Reads the microseconds elapsed since power-on (for measurements; the core works in milliseconds).</summary>
    /// <returns>A non-decreasing count of microseconds.</returns>
    public long ReadMicroseconds()
    {
        return NativeReadMicroseconds();
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern long NativeReadMicroseconds();
}
