using System;
using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Native;

/// <summary>
/// The board's random source (content keys, nonces, recording ids), filled in place by the native component: on the
/// ESP32-P4 the chip's hardware random number generator through <c>esp_fill_random</c>, read only while its entropy
/// sources run (the chip's technical reference manual, "Random Number Generator"); on the posix board
/// <c>getrandom(2)</c>, or a seeded SHA-256 counter stream for reproducible runs (firmware/native/README.md).
/// System.Random is never used for keys.
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
