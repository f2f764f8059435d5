using nanoFramework.TestFramework;

namespace Bodycam.Firmware.Native.Tests;

/// <summary>Byte comparisons for the tests, naming the first difference.</summary>
public static class Bytes
{
    /// <summary>Whether <paramref name="count"/> bytes at two offsets are equal.</summary>
    /// <param name="a">First buffer.</param>
    /// <param name="aOffset">First byte in it.</param>
    /// <param name="b">Second buffer.</param>
    /// <param name="bOffset">First byte in it.</param>
    /// <param name="count">Number of bytes.</param>
    /// <returns>True when equal.</returns>
    public static bool Same(byte[] a, int aOffset, byte[] b, int bOffset, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (a[aOffset + i] != b[bOffset + i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Fails unless <paramref name="actual"/> at <paramref name="offset"/> holds exactly <paramref name="expected"/>.</summary>
    /// <param name="expected">The expected bytes.</param>
    /// <param name="actual">The buffer.</param>
    /// <param name="offset">First byte of the actual value.</param>
    /// <param name="what">What the bytes are, for the message.</param>
    public static void AssertEqual(byte[] expected, byte[] actual, int offset, string what)
    {
        if (!Same(expected, 0, actual, offset, expected.Length))
        {
            Assert.IsTrue(
                false,
                what + ": expected " + Hex.Encode(expected, 0, expected.Length) + ", got " + Hex.Encode(actual, offset, expected.Length));
        }
    }
}
