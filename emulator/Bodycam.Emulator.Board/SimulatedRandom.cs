using System;
using System.Security.Cryptography;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Board;

/// <summary>
/// A deterministic stand-in for the board's hardware RNG: SHA-256 in counter mode over a seed, so the same seed gives
/// the same bytes (and so byte-identical recordings). Not a source of secrets outside the emulator and tests.
/// </summary>
public sealed class SimulatedRandom : IRandom
{
    private readonly byte[] _seed;
    private readonly byte[] _block = new byte[32];
    private readonly byte[] _input;
    private ulong _counter;
    private int _used = 32;

    /// <summary>Initializes a new instance of the <see cref="SimulatedRandom"/> class from a number.</summary>
    /// <param name="seed">The seed.</param>
    public SimulatedRandom(long seed)
        : this(BitConverter.GetBytes(seed))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SimulatedRandom"/> class from seed bytes.</summary>
    /// <param name="seed">The seed (any length).</param>
    public SimulatedRandom(byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _seed = (byte[])seed.Clone();
        _input = new byte[_seed.Length + 8];
        Array.Copy(_seed, _input, _seed.Length);
    }

    /// <summary>Gets the number of bytes produced since construction or the last <see cref="Reset"/>.</summary>
    public long BytesProduced { get; private set; }

    /// <inheritdoc/>
    public void Fill(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + count, buffer.Length);
        for (int i = 0; i < count; i++)
        {
            if (_used == _block.Length)
            {
                NextBlock();
            }

            buffer[offset + i] = _block[_used++];
        }

        BytesProduced += count;
    }

    /// <summary>Restarts the sequence from the seed.</summary>
    public void Reset()
    {
        _counter = 0;
        _used = _block.Length;
        BytesProduced = 0;
    }

    private void NextBlock()
    {
        // Block i = SHA-256(seed || i as 8 bytes big-endian).
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(_input.AsSpan(_seed.Length), _counter++);
        SHA256.HashData(_input, _block);
        _used = 0;
    }
}
