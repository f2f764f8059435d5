using System;

namespace Bodycam.Emulator.Board;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): a tiny, fast
/// generator whose sequence depends only on the seed, on every platform and .NET version. Not for keys.
/// </summary>
public sealed class SeededGenerator
{
    private readonly ulong _seed;
    private ulong _state;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The seed; the same seed gives the same sequence.</param>
    public SeededGenerator(ulong seed)
    {
        _seed = seed;
        _state = seed;
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A pseudo-random value.</returns>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>).</summary>
    /// <param name="maxExclusive">The exclusive upper bound, positive.</param>
    /// <returns>A pseudo-random value.</returns>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        }

        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>Fills <paramref name="buffer"/> with pseudo-random bytes.</summary>
    /// <param name="buffer">The destination.</param>
    public void Fill(Span<byte> buffer)
    {
        int i = 0;
        while (i < buffer.Length)
        {
            ulong value = NextUInt64();
            for (int b = 0; b < 8 && i < buffer.Length; b++, i++)
            {
                buffer[i] = (byte)(value >> (8 * b));
            }
        }
    }

    /// <summary>Derives an independent generator for a named part, so adding a part does not shift the others.</summary>
    /// <param name="label">The part's name.</param>
    /// <returns>A new generator.</returns>
    public SeededGenerator Derive(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in label)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return new SeededGenerator(_seed ^ h);
    }

    /// <summary>Starts the sequence again from the seed.</summary>
    public void Reset()
    {
        _state = _seed;
    }
}
