using System;
using Bodycam.Firmware.Dock;

namespace Bodycam.Emulator.Board;

/// <summary>
/// The board's CRC unit, simulated with System.IO.Hashing's CRC-32 (the same IEEE polynomial and reflection as the
/// firmware's table-driven <see cref="Crc32"/>; the tests check them against each other).
/// </summary>
public sealed class SimulatedCrcUnit : IFrameCrc
{
    /// <inheritdoc/>
    public uint Update(uint crc, byte[] data, int offset, int count)
    {
        if (crc != 0)
        {
            // System.IO.Hashing cannot be seeded with a previous CRC; the dock service only ever starts from 0.
            throw new ArgumentOutOfRangeException(nameof(crc), "The simulated CRC unit starts from 0 only.");
        }

        return System.IO.Hashing.Crc32.HashToUInt32(data.AsSpan(offset, count));
    }

    /// <summary>Returns the unit to its power-on state. It keeps nothing between calls, so there is nothing to clear.</summary>
    public void Reset()
    {
    }
}
