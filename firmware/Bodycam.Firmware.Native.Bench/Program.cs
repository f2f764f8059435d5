using System;
using Bodycam.Firmware.Native.Posix;

[assembly: System.Reflection.AssemblyVersion("1.0.0.0")]

namespace Bodycam.Firmware.Native.Bench;

/// <summary>
/// Seals and chains segments the way the recording writer does (firmware core, RecordingWriter.SealSegment and
/// Chain), through <see cref="NativeCryptoEngine"/> on nanoCLR, and compares with the same C functions timed in C on the
/// same bytes (<see cref="PosixBoard.MeasureDirectSegments"/>). Prints, per segment size, both times, the throughputs,
/// their ratio and the managed time per segment around the calls.
/// </summary>
public static class Program
{
    private const int AadSize = 37;
    private const int RecordOverhead = 26;
    private const long BytesPerRun = 32L * 1024 * 1024;
    private const int Rounds = 5;

    /// <summary>Runs the comparison for 16 KiB, 128 KiB and 512 KiB segments.</summary>
    public static void Main()
    {
        int[] sizes = new int[] { 16 * 1024, 128 * 1024, 512 * 1024 };
        var engine = new NativeCryptoEngine();
        var clock = new NativeClock();
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        new NativeRandom().Fill(key, 0, key.Length);

        Console.WriteLine("segment_bytes segments direct_us interop_us direct_MBps interop_MBps ratio managed_us_per_segment direct_per_call_us");
        for (int s = 0; s < sizes.Length; s++)
        {
            int size = sizes[s];
            int segments = (int)(BytesPerRun / size);
            byte[] plain = new byte[size];
            byte[] record = new byte[size + RecordOverhead];
            byte[] aad = new byte[AadSize];
            byte[] chain = new byte[32];
            new NativeRandom().Fill(plain, 0, plain.Length);

            // one warm-up segment each way, then rounds alternating the two; the median round is reported
            PosixBoard.MeasureDirectSegments(key, nonce, plain, record, size, 1);
            SealSegments(engine, key, nonce, aad, plain, record, chain, size, 1);
            long[] direct = new long[Rounds];
            long[] interop = new long[Rounds];
            long[] perCall = new long[Rounds];
            for (int r = 0; r < Rounds; r++)
            {
                direct[r] = PosixBoard.MeasureDirectSegments(key, nonce, plain, record, size, segments);
                long start = clock.ReadMicroseconds();
                SealSegments(engine, key, nonce, aad, plain, record, chain, size, segments);
                interop[r] = clock.ReadMicroseconds() - start;

                // the direct C again, one native call per segment: what returning to the interpreter between calls costs
                start = clock.ReadMicroseconds();
                for (int k = 0; k < segments; k++)
                {
                    PosixBoard.MeasureDirectSegments(key, nonce, plain, record, size, 1);
                }

                perCall[r] = clock.ReadMicroseconds() - start;
            }

            long d = Median(direct);
            long i = Median(interop);
            long bytes = (long)segments * size;
            Console.WriteLine(
                size.ToString() + " " + segments.ToString() + " " + d.ToString() + " " + i.ToString() + " "
                + (bytes / d).ToString() + " " + (bytes / i).ToString() + " " + Fraction(d, i) + " "
                + Fraction(i - d, segments) + " " + Median(perCall).ToString());
        }
    }

    // RecordingWriter.SealSegment's crypto: record header, STREAM nonce and AAD written in managed code, the seal from the
    // plaintext buffer straight into the record (no copy), then the chain link over the previous link and the record.
    private static void SealSegments(
        NativeCryptoEngine engine, byte[] key, byte[] nonce, byte[] aad, byte[] plain, byte[] record, byte[] chain, int size, int segments)
    {
        for (int index = 0; index < segments; index++)
        {
            record[0] = 3;
            WriteUInt32(record, 1, (uint)(size + RecordOverhead - 5));
            WriteUInt32(record, 5, (uint)index);
            record[9] = 0;
            WriteUInt32(nonce, 7, (uint)index);
            nonce[11] = 0;
            Array.Copy(chain, 0, aad, 0, 32);
            WriteUInt32(aad, 32, (uint)index);
            aad[36] = 0;
            engine.AesGcmSeal(key, nonce, aad, 0, AadSize, plain, 0, size, record, 10, record, 10 + size);
            engine.Sha256Begin();
            engine.Sha256Update(chain, 0, chain.Length);
            engine.Sha256Update(record, 0, size + RecordOverhead);
            engine.Sha256End(chain, 0);
        }
    }

    private static void WriteUInt32(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static long Median(long[] values)
    {
        // insertion sort of a copy (nano's mscorlib has no Array.Sort)
        long[] sorted = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            long v = values[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > v)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = v;
        }

        return sorted[values.Length / 2];
    }

    // numerator / denominator with two decimals, in integers (nano's mscorlib formats no fixed decimals)
    private static string Fraction(long numerator, long denominator)
    {
        if (numerator < 0)
        {
            return "-" + Fraction(-numerator, denominator);
        }

        long hundredths = ((numerator * 100) + (denominator / 2)) / denominator;
        long fraction = hundredths % 100;
        return (hundredths / 100).ToString() + "." + (fraction < 10 ? "0" : "") + fraction.ToString();
    }
}
