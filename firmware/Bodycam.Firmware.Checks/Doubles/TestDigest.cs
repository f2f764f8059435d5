namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>
/// A deterministic 32-byte mixing function for the test doubles. NOT CRYPTOGRAPHY: four 64-bit FNV-1a lanes with a
/// final avalanche, chosen only so that the core's logic (chaining, comparisons, lengths) runs the same on nanoCLR
/// and on net10.0 without a native crypto engine. It is neither collision- nor preimage-resistant.
/// </summary>
public sealed class TestDigest
{
    /// <summary>The digest length.</summary>
    public const int Size = 32;

    private const ulong Prime = 0x100000001B3UL;

    private readonly ulong[] _lanes = new ulong[4];
    private long _length;

    /// <summary>Initializes a new instance of the <see cref="TestDigest"/> class, ready for input.</summary>
    public TestDigest()
    {
        Reset();
    }

    /// <summary>Starts over.</summary>
    public void Reset()
    {
        _lanes[0] = 0xCBF29CE484222325UL;
        _lanes[1] = 0x84222325CBF29CE4UL;
        _lanes[2] = 0x9E3779B97F4A7C15UL;
        _lanes[3] = 0xBF58476D1CE4E5B9UL;
        _length = 0;
    }

    /// <summary>Mixes bytes in.</summary>
    /// <param name="data">Source.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    public void Update(byte[] data, int offset, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int lane = (int)(_length & 3);
            _lanes[lane] = (_lanes[lane] ^ data[offset + i]) * Prime;
            _length++;
        }
    }

    /// <summary>Writes the 32-byte result and starts over.</summary>
    /// <param name="output">Destination.</param>
    /// <param name="offset">First byte.</param>
    public void Finish(byte[] output, int offset)
    {
        ulong carry = (ulong)_length;
        for (int lane = 0; lane < 4; lane++)
        {
            ulong z = _lanes[lane] ^ carry;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            carry = z;
            for (int b = 0; b < 8; b++)
            {
                output[offset + (lane * 8) + b] = (byte)(z >> (8 * b));
            }
        }

        Reset();
    }

    /// <summary>The digest of two byte ranges in one call.</summary>
    /// <param name="a">First part.</param>
    /// <param name="b">Second part (may be null).</param>
    /// <param name="output">32-byte destination.</param>
    public static void Of(byte[] a, byte[]? b, byte[] output)
    {
        var d = new TestDigest();
        d.Update(a, 0, a.Length);
        if (b != null)
        {
            d.Update(b, 0, b.Length);
        }

        d.Finish(output, 0);
    }
}
