using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Nano.Interop;

/// <summary>
/// The battery-backed real-time clock chip on I2C (hardware-notes.md, "Pin map"), driven by the native component so
/// that its "time lost" flag (set when its backup supply ran out) is read in the same transaction as the time.
/// </summary>
public sealed class NativeRealTimeClock : IRealTimeClock
{
    /// <inheritdoc/>
    public bool IsSet => NativeIsSet();

    /// <inheritdoc/>
    public long ReadUnixMilliseconds()
    {
        return NativeReadUnixMilliseconds();
    }

    /// <inheritdoc/>
    public void Set(long unixMilliseconds)
    {
        NativeSet(unixMilliseconds);
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern bool NativeIsSet();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern long NativeReadUnixMilliseconds();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeSet(long unixMilliseconds);
}
