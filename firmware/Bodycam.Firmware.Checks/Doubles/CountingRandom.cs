using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>A deterministic random source for the checks: a 64-bit counter through a SplitMix64 step. Not random.</summary>
public sealed class CountingRandom : IRandom
{
    private ulong _state;

    /// <summary>Initializes a new instance of the <see cref="CountingRandom"/> class.</summary>
    /// <param name="seed">The starting state.</param>
    public CountingRandom(long seed)
    {
        _state = (ulong)seed;
    }

    /// <inheritdoc/>
    public void Fill(byte[] buffer, int offset, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if ((i & 7) == 0)
            {
                _state += 0x9E3779B97F4A7C15UL;
            }

            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            buffer[offset + i] = (byte)(z >> (8 * (i & 7)));
        }
    }
}
