using System;
using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Nano.Interop;

/// <summary>
/// The chip's hardware random number generator (content keys, nonces, recording ids). The native side reads the RNG
/// register only while its entropy sources are running (the chip's technical reference manual, "Random Number
/// Generator"); System.Random is never used for keys.
/// </summary>
public sealed class NativeRandom : IRandom
{
    /// <inheritdoc/>
    public void Fill(byte[] buffer, int offset, int count)
    {
        if (buffer == null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        if (offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        NativeFill(buffer, offset, count);
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeFill(byte[] buffer, int offset, int count);
}
