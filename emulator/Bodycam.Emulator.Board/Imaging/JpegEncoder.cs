using System;

namespace Bodycam.Emulator.Board.Imaging;

/// <summary>
/// A small baseline (sequential DCT, Huffman) JPEG encoder, ITU-T T.81, for YCbCr 4:4:4 planes with the Annex K
/// tables. Every row of 8x8 blocks is one restart interval (T.81 B.2.4.4, DRI), so a caller can encode the rows that
/// changed and reuse the entropy-coded bytes of the others: that is what keeps a burned-in caption cheap.
/// </summary>
public sealed class JpegEncoder
{
    private const int BlockSize = 64;

    private readonly byte[] _luminanceTable = new byte[BlockSize];
    private readonly byte[] _chrominanceTable = new byte[BlockSize];
    private readonly HuffmanTable _dcLuminance;
    private readonly HuffmanTable _acLuminance;
    private readonly HuffmanTable _dcChrominance;
    private readonly HuffmanTable _acChrominance;
    private readonly float[] _cosines = new float[BlockSize];
    private readonly float[] _block = new float[BlockSize];
    private readonly float[] _temp = new float[BlockSize];
    private readonly int[] _quantized = new int[BlockSize];

    /// <summary>Creates an encoder for one frame size.</summary>
    /// <param name="width">Width in pixels, 8..65535.</param>
    /// <param name="height">Height in pixels, 8..65535.</param>
    /// <param name="quality">IJG-style quality 1..100 scaling the Annex K tables.</param>
    public JpegEncoder(int width, int height, int quality)
    {
        if (width < 8 || width > 65535 || height < 8 || height > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "A frame is 8..65535 pixels in each direction.");
        }

        if (quality < 1 || quality > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(quality), "Quality is 1..100.");
        }

        Width = width;
        Height = height;
        BlocksPerRow = (width + 7) / 8;
        BlockRows = (height + 7) / 8;
        ScaleTable(JpegTables.LuminanceQuantization, quality, _luminanceTable);
        ScaleTable(JpegTables.ChrominanceQuantization, quality, _chrominanceTable);
        _dcLuminance = new HuffmanTable(JpegTables.DcLuminanceBits, JpegTables.DcLuminanceValues);
        _acLuminance = new HuffmanTable(JpegTables.AcLuminanceBits, JpegTables.AcLuminanceValues);
        _dcChrominance = new HuffmanTable(JpegTables.DcChrominanceBits, JpegTables.DcChrominanceValues);
        _acChrominance = new HuffmanTable(JpegTables.AcChrominanceBits, JpegTables.AcChrominanceValues);

        // T.81 A.3.3: F(u,v) = 1/4 C(u) C(v) sum f(x,y) cos((2x+1)u pi/16) cos((2y+1)v pi/16), C(0) = 1/sqrt 2.
        for (int u = 0; u < 8; u++)
        {
            double cu = u == 0 ? 1 / Math.Sqrt(2) : 1;
            for (int x = 0; x < 8; x++)
            {
                _cosines[(u * 8) + x] = (float)(0.5 * cu * Math.Cos(((2 * x) + 1) * u * Math.PI / 16));
            }
        }
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Blocks in one row; the planes' stride is <c>BlocksPerRow * 8</c>.</summary>
    public int BlocksPerRow { get; }

    /// <summary>Rows of blocks; the planes hold <c>BlockRows * 8</c> rows.</summary>
    public int BlockRows { get; }

    /// <summary>An upper bound on the bytes <see cref="EncodeRow"/> writes for one row.</summary>
    public int MaxRowBytes => BlocksPerRow * 3 * BlockSize * 6;

    /// <summary>Writes SOI, JFIF APP0, DQT, SOF0, DHT, DRI and SOS.</summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="offset">Where to start.</param>
    /// <returns>The number of bytes written.</returns>
    public int WriteHeader(byte[] destination, int offset)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int p = offset;
        p = Put(destination, p, 0xFF, 0xD8);
        p = Put(destination, p, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00);
        p = Put(destination, p, 0xFF, 0xDB, 0x00, 0x84, 0x00);
        p = PutZigZag(destination, p, _luminanceTable);
        destination[p++] = 0x01;
        p = PutZigZag(destination, p, _chrominanceTable);
        p = Put(destination, p, 0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(Height >> 8), (byte)Height, (byte)(Width >> 8), (byte)Width, 0x03);
        p = Put(destination, p, 0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01);
        p = PutHuffman(destination, p, 0x00, JpegTables.DcLuminanceBits, JpegTables.DcLuminanceValues);
        p = PutHuffman(destination, p, 0x10, JpegTables.AcLuminanceBits, JpegTables.AcLuminanceValues);
        p = PutHuffman(destination, p, 0x01, JpegTables.DcChrominanceBits, JpegTables.DcChrominanceValues);
        p = PutHuffman(destination, p, 0x11, JpegTables.AcChrominanceBits, JpegTables.AcChrominanceValues);
        p = Put(destination, p, 0xFF, 0xDD, 0x00, 0x04, (byte)(BlocksPerRow >> 8), (byte)BlocksPerRow);
        p = Put(destination, p, 0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00);
        return p - offset;
    }

    /// <summary>
    /// Entropy-codes one row of blocks as a complete restart interval (DC predictions start at zero, the last byte
    /// padded with 1 bits, T.81 F.1.2.3), without the RST marker.
    /// </summary>
    /// <param name="y">Luminance plane, stride <c>BlocksPerRow * 8</c>.</param>
    /// <param name="cb">Blue-difference plane, same layout.</param>
    /// <param name="cr">Red-difference plane, same layout.</param>
    /// <param name="blockRow">The row of blocks, 0..BlockRows-1.</param>
    /// <param name="destination">The buffer, at least <see cref="MaxRowBytes"/> from <paramref name="offset"/>.</param>
    /// <param name="offset">Where to start.</param>
    /// <returns>The number of bytes written.</returns>
    public int EncodeRow(byte[] y, byte[] cb, byte[] cr, int blockRow, byte[] destination, int offset)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(cb);
        ArgumentNullException.ThrowIfNull(cr);
        ArgumentNullException.ThrowIfNull(destination);
        var writer = new BitWriter(destination, offset);
        int dcY = 0;
        int dcCb = 0;
        int dcCr = 0;
        int stride = BlocksPerRow * 8;
        for (int bx = 0; bx < BlocksPerRow; bx++)
        {
            int origin = (blockRow * 8 * stride) + (bx * 8);
            dcY = EncodeBlock(ref writer, y, origin, stride, _luminanceTable, _dcLuminance, _acLuminance, dcY);
            dcCb = EncodeBlock(ref writer, cb, origin, stride, _chrominanceTable, _dcChrominance, _acChrominance, dcCb);
            dcCr = EncodeBlock(ref writer, cr, origin, stride, _chrominanceTable, _dcChrominance, _acChrominance, dcCr);
        }

        writer.PadToByte();
        return writer.Position - offset;
    }

    /// <summary>Writes the RST marker that precedes interval <paramref name="interval"/> (1-based).</summary>
    /// <param name="interval">The index of the interval that follows.</param>
    /// <param name="destination">The buffer.</param>
    /// <param name="offset">Where to write.</param>
    /// <returns>2.</returns>
    public static int WriteRestartMarker(int interval, byte[] destination, int offset)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination[offset] = 0xFF;
        destination[offset + 1] = (byte)(0xD0 + ((interval - 1) & 7));
        return 2;
    }

    /// <summary>Encodes a whole image from its planes (header, every row, EOI) into a new array.</summary>
    /// <param name="y">Luminance plane.</param>
    /// <param name="cb">Blue-difference plane.</param>
    /// <param name="cr">Red-difference plane.</param>
    /// <returns>The JPEG file.</returns>
    public byte[] Encode(byte[] y, byte[] cb, byte[] cr)
    {
        byte[] buffer = new byte[1024 + (BlockRows * (MaxRowBytes + 2))];
        int p = WriteHeader(buffer, 0);
        for (int row = 0; row < BlockRows; row++)
        {
            if (row > 0)
            {
                p += WriteRestartMarker(row, buffer, p);
            }

            p += EncodeRow(y, cb, cr, row, buffer, p);
        }

        buffer[p++] = 0xFF;
        buffer[p++] = 0xD9;
        Array.Resize(ref buffer, p);
        return buffer;
    }

    private int EncodeBlock(ref BitWriter writer, byte[] plane, int origin, int stride, byte[] table, HuffmanTable dc, HuffmanTable ac, int previousDc)
    {
        if (IsUniform(plane, origin, stride))
        {
            // A flat block has only a DC term: F(0,0) = 1/4 * 1/2 * 64 * (v - 128) = 8 (v - 128) (A.3.3). The caption
            // background and its chroma are flat, so this skips most of the per-frame work.
            Array.Clear(_block);
            _block[0] = 8 * (plane[origin] - 128);
        }
        else
        {
            ForwardDct(plane, origin, stride);
        }

        for (int k = 0; k < BlockSize; k++)
        {
            int natural = JpegTables.ZigZag[k];
            _quantized[k] = (int)MathF.Round(_block[natural] / table[natural]);
        }

        // F.1.2.1: DC difference as size category + extra bits.
        int diff = _quantized[0] - previousDc;
        int size = Category(diff);
        dc.Write(ref writer, size);
        writer.Write(ExtraBits(diff, size), size);

        // F.1.2.2: AC run-lengths, ZRL for 16 zeros, EOB when the rest is zero.
        int run = 0;
        for (int k = 1; k < BlockSize; k++)
        {
            int value = _quantized[k];
            if (value == 0)
            {
                run++;
                continue;
            }

            while (run > 15)
            {
                ac.Write(ref writer, 0xF0);
                run -= 16;
            }

            int bits = Category(value);
            ac.Write(ref writer, (run << 4) | bits);
            writer.Write(ExtraBits(value, bits), bits);
            run = 0;
        }

        if (run > 0)
        {
            ac.Write(ref writer, 0x00);
        }

        return _quantized[0];
    }

    private static bool IsUniform(byte[] plane, int origin, int stride)
    {
        byte first = plane[origin];
        for (int yy = 0; yy < 8; yy++)
        {
            int row = origin + (yy * stride);
            for (int x = 0; x < 8; x++)
            {
                if (plane[row + x] != first)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void ForwardDct(byte[] plane, int origin, int stride)
    {
        // Separable forward DCT: rows into _temp, then columns into _block (level shift by 128 first, A.3.1).
        for (int yy = 0; yy < 8; yy++)
        {
            int row = origin + (yy * stride);
            for (int u = 0; u < 8; u++)
            {
                float sum = 0;
                for (int x = 0; x < 8; x++)
                {
                    sum += (plane[row + x] - 128) * _cosines[(u * 8) + x];
                }

                _temp[(yy * 8) + u] = sum;
            }
        }

        for (int u = 0; u < 8; u++)
        {
            for (int v = 0; v < 8; v++)
            {
                float sum = 0;
                for (int yy = 0; yy < 8; yy++)
                {
                    sum += _temp[(yy * 8) + u] * _cosines[(v * 8) + yy];
                }

                _block[(v * 8) + u] = sum;
            }
        }
    }

    private static int Category(int value)
    {
        int magnitude = value < 0 ? -value : value;
        int size = 0;
        while (magnitude != 0)
        {
            size++;
            magnitude >>= 1;
        }

        return size;
    }

    private static int ExtraBits(int value, int size)
    {
        // F.1.2.1: negative values are sent as value - 1 in size bits (one's complement).
        return value < 0 ? (value - 1) & ((1 << size) - 1) : value;
    }

    private static void ScaleTable(byte[] source, int quality, byte[] destination)
    {
        int scale = quality < 50 ? 5000 / quality : 200 - (quality * 2);
        for (int i = 0; i < BlockSize; i++)
        {
            destination[i] = (byte)Math.Clamp(((source[i] * scale) + 50) / 100, 1, 255);
        }
    }

    private static int Put(byte[] destination, int p, params byte[] bytes)
    {
        Array.Copy(bytes, 0, destination, p, bytes.Length);
        return p + bytes.Length;
    }

    private static int PutZigZag(byte[] destination, int p, byte[] table)
    {
        for (int k = 0; k < BlockSize; k++)
        {
            destination[p++] = table[JpegTables.ZigZag[k]];
        }

        return p;
    }

    private static int PutHuffman(byte[] destination, int p, byte classAndId, byte[] bits, byte[] values)
    {
        int length = 2 + 1 + 16 + values.Length;
        p = Put(destination, p, 0xFF, 0xC4, (byte)(length >> 8), (byte)length, classAndId);
        p = Put(destination, p, bits);
        return Put(destination, p, values);
    }

    private sealed class HuffmanTable
    {
        private readonly ushort[] _codes = new ushort[256];
        private readonly byte[] _lengths = new byte[256];

        public HuffmanTable(byte[] bits, byte[] values)
        {
            // T.81 C.2: canonical codes, shortest first, consecutive within a length.
            int code = 0;
            int k = 0;
            for (int length = 1; length <= 16; length++)
            {
                for (int i = 0; i < bits[length - 1]; i++)
                {
                    _codes[values[k]] = (ushort)code;
                    _lengths[values[k]] = (byte)length;
                    code++;
                    k++;
                }

                code <<= 1;
            }
        }

        public void Write(ref BitWriter writer, int symbol)
        {
            writer.Write(_codes[symbol], _lengths[symbol]);
        }
    }

    private struct BitWriter
    {
        private readonly byte[] _destination;
        private uint _buffer;
        private int _count;

        public BitWriter(byte[] destination, int offset)
        {
            _destination = destination;
            Position = offset;
            _buffer = 0;
            _count = 0;
        }

        public int Position { get; private set; }

        public void Write(int value, int bits)
        {
            if (bits == 0)
            {
                return;
            }

            _buffer = (_buffer << bits) | ((uint)value & ((1u << bits) - 1));
            _count += bits;
            while (_count >= 8)
            {
                _count -= 8;
                EmitByte((byte)(_buffer >> _count));
            }
        }

        public void PadToByte()
        {
            if (_count > 0)
            {
                Write((1 << (8 - _count)) - 1, 8 - _count);
            }
        }

        private void EmitByte(byte b)
        {
            _destination[Position++] = b;
            if (b == 0xFF)
            {
                // F.1.2.3: a 0xFF in entropy-coded data is followed by a stuffed zero byte.
                _destination[Position++] = 0x00;
            }
        }
    }
}
