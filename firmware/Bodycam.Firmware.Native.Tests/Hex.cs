using System;

namespace Bodycam.Firmware.Native.Tests;

/// <summary>Hex strings to bytes and back (nano's mscorlib has no Convert.FromHexString).</summary>
public static class Hex
{
    /// <summary>Decodes lower- or upper-case hex digits.</summary>
    /// <param name="hex">An even number of hex digits.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Decode(string hex)
    {
        if (hex == null || hex.Length % 2 != 0)
        {
            throw new ArgumentException("An even number of hex digits is needed.", nameof(hex));
        }

        byte[] bytes = new byte[hex.Length / 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
        }

        return bytes;
    }

    /// <summary>Encodes bytes as lower-case hex.</summary>
    /// <param name="bytes">The buffer.</param>
    /// <param name="offset">The first byte.</param>
    /// <param name="count">The number of bytes.</param>
    /// <returns>The hex string.</returns>
    public static string Encode(byte[] bytes, int offset, int count)
    {
        const string Digits = "0123456789abcdef";
        char[] chars = new char[2 * count];
        for (int i = 0; i < count; i++)
        {
            chars[2 * i] = Digits[bytes[offset + i] >> 4];
            chars[(2 * i) + 1] = Digits[bytes[offset + i] & 0xF];
        }

        return new string(chars);
    }

    private static int Nibble(char c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }

        if (c >= 'a' && c <= 'f')
        {
            return c - 'a' + 10;
        }

        if (c >= 'A' && c <= 'F')
        {
            return c - 'A' + 10;
        }

        throw new ArgumentException("Not a hex digit: " + c);
    }
}
