using System;
using Bodycam.Firmware.Checks;
using Bodycam.Firmware.Checks.Doubles;

namespace Bodycam.Firmware.NanoDiff;

/// <summary>
/// The line format both runs print (firmware/nano-diff compares them): <c>scenario NAME</c>, then <c>trace LINE</c>
/// per event of the device's trace, then per file of the storage <c>file NAME LENGTH</c> followed by <c>hex ...</c>
/// lines of at most 64 bytes, and <c>end NAME</c>.
/// </summary>
public static class Dump
{
    private const int BytesPerLine = 64;

    /// <summary>Prints one scenario's trace and storage.</summary>
    /// <param name="name">The scenario.</param>
    /// <param name="device">The device after the scenario.</param>
    public static void Scenario(string name, TestDevice device)
    {
        Console.WriteLine("scenario " + name);
        for (int i = 0; i < device.Trace.Count; i++)
        {
            Console.WriteLine("trace " + device.Trace.Line(i));
        }

        MemoryStorage storage = device.Storage;
        string[] files = storage.List();
        byte[] chunk = new byte[BytesPerLine];
        for (int f = 0; f < files.Length; f++)
        {
            long length = storage.GetLength(files[f]);
            Console.WriteLine("file " + files[f] + " " + length.ToString());
            long position = 0;
            while (position < length)
            {
                int count = storage.Read(files[f], position, chunk, 0, BytesPerLine);
                Console.WriteLine("hex " + ToHex(chunk, count));
                position += count;
            }
        }

        Console.WriteLine("end " + name);
    }

    /// <summary>Decodes hex digits.</summary>
    /// <param name="hex">An even number of hex digits.</param>
    /// <returns>The bytes.</returns>
    public static byte[] FromHex(string hex)
    {
        byte[] bytes = new byte[hex.Length / 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
        }

        return bytes;
    }

    private static string ToHex(byte[] bytes, int count)
    {
        const string Digits = "0123456789abcdef";
        char[] chars = new char[2 * count];
        for (int i = 0; i < count; i++)
        {
            chars[2 * i] = Digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
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

        throw new ArgumentException("Not a lower-case hex digit: " + c);
    }
}
