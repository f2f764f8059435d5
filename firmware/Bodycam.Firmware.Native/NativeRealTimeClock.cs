using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Native;

/// <summary>
/// The battery-backed real-time clock chip on I2C (hardware-notes.md, "Pin map"), driven by the native component so
/// that its "time lost" flag (set when its backup supply ran out) is read in the same transaction as the time. On the
/// posix board it is an offset over <c>CLOCK_MONOTONIC</c> that starts unset, as a board whose backup cell ran flat.
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
        // Passed as two 32-bit halves: the generated marshalling of a 64-bit argument does not compile on 64-bit Linux
        // (firmware/native/README.md, "Interop conventions"); the native side joins them.
        NativeSet((int)(unixMilliseconds >> 32), (int)(uint)unixMilliseconds);
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern bool NativeIsSet();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern long NativeReadUnixMilliseconds();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeSet(int high, int low);
}
