using System;
using System.Collections.Generic;

namespace Bodycam.Sdk.Tests.Export;

/// <summary>
/// Encodes tiny valid baseline JPEGs (ITU-T T.81): one grey component, every 8x8 block a flat shade, so only DC
/// coefficients are coded. Enough for players and the exporter's tests; not a general encoder.
/// </summary>
internal static class TestJpeg
{
    /// <summary>A picture whose blocks get shades derived from <paramref name="seed"/>, so pictures differ.</summary>
    public static byte[] Create(int width, int height, int seed)
    {
        if (width % 8 != 0 || height % 8 != 0)
        {
            throw new ArgumentException("Width and height must be multiples of 8.");
        }

        var o = new List<byte>();
        o.AddRange(new byte[] { 0xFF, 0xD8 }); // SOI

        // DQT: table 0, all ones (only the DC entry matters here).
        o.AddRange(new byte[] { 0xFF, 0xDB, 0x00, 0x43, 0x00 });
        for (int i = 0; i < 64; i++)
        {
            o.Add(1);
        }

        // SOF0: 8-bit, height, width, one component (id 1, 1x1 sampling, table 0).
        o.AddRange(new byte[]
        {
            0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width,
            0x01, 0x01, 0x11, 0x00,
        });

        // DHT DC table 0: twelve 4-bit codes for categories 0..11 (canonical codes 0000..1011).
        o.AddRange(new byte[] { 0xFF, 0xC4, 0x00, 0x1F, 0x00 });
        o.AddRange(new byte[] { 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        for (byte c = 0; c < 12; c++)
        {
            o.Add(c);
        }

        // DHT AC table 0: EOB (code 00) and ZRL (code 01), both two bits.
        o.AddRange(new byte[] { 0xFF, 0xC4, 0x00, 0x15, 0x10 });
        o.AddRange(new byte[] { 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        o.AddRange(new byte[] { 0x00, 0xF0 });

        // SOS: one component, tables 0/0, spectral 0..63, no approximation.
        o.AddRange(new byte[] { 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00 });

        var bits = new BitSink(o);
        int previousDc = 0;
        int blocks = (width / 8) * (height / 8);
        for (int b = 0; b < blocks; b++)
        {
            int shade = ((seed * 37) + (b * 11)) & 0xFF;

            // A flat block of value v has DC coefficient 8 * (v - 128) (T.81 A.3.3 FDCT).
            int dc = 8 * (shade - 128);
            int diff = dc - previousDc;
            previousDc = dc;
            int magnitude = Math.Abs(diff);
            int category = 0;
            while ((magnitude >> category) != 0)
            {
                category++;
            }

            bits.Write(category, 4);
            if (category > 0)
            {
                int value = diff > 0 ? diff : diff + (1 << category) - 1;
                bits.Write(value, category);
            }

            bits.Write(0, 2); // EOB
        }

        bits.Flush();
        o.AddRange(new byte[] { 0xFF, 0xD9 }); // EOI
        return o.ToArray();
    }

    private sealed class BitSink
    {
        private readonly List<byte> _output;
        private int _accumulator;
        private int _count;

        public BitSink(List<byte> output)
        {
            _output = output;
        }

        public void Write(int value, int length)
        {
            for (int i = length - 1; i >= 0; i--)
            {
                _accumulator = (_accumulator << 1) | ((value >> i) & 1);
                _count++;
                if (_count == 8)
                {
                    Emit();
                }
            }
        }

        public void Flush()
        {
            // Pad with one bits (T.81 F.1.2.3).
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Emit()
        {
            byte b = (byte)_accumulator;
            _output.Add(b);
            if (b == 0xFF)
            {
                _output.Add(0x00); // byte stuffing
            }

            _accumulator = 0;
            _count = 0;
        }
    }
}
