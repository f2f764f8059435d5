using System;

namespace Bodycam.Emulator.Board.Imaging;

/// <summary>
/// A colour-bar test pattern as baseline JPEG with a caption (device id and time) burned into the top rows. The
/// pattern's rows are entropy-coded once; each frame re-encodes only the caption rows.
/// </summary>
public sealed class TestPatternFrame
{
    private static readonly byte[][] s_bars =
    {
        new byte[] { 235, 235, 235 }, new byte[] { 235, 235, 16 }, new byte[] { 16, 235, 235 }, new byte[] { 16, 235, 16 },
        new byte[] { 235, 16, 235 }, new byte[] { 235, 16, 16 }, new byte[] { 16, 16, 235 }, new byte[] { 16, 16, 16 },
    };

    private readonly JpegEncoder _encoder;
    private readonly byte[] _header;
    private readonly byte[][] _rows;
    private readonly byte[] _captionY;
    private readonly byte[] _captionCb;
    private readonly byte[] _captionCr;
    private readonly byte[] _captionBackground;
    private readonly byte[] _scratch;
    private readonly int _captionRows;
    private readonly int _scale;

    /// <summary>Creates the pattern for one frame size.</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="quality">JPEG quality 1..100.</param>
    public TestPatternFrame(int width, int height, int quality)
    {
        _encoder = new JpegEncoder(width, height, quality);
        int stride = _encoder.BlocksPerRow * 8;
        int rows = _encoder.BlockRows * 8;
        byte[] y = new byte[stride * rows];
        byte[] cb = new byte[stride * rows];
        byte[] cr = new byte[stride * rows];
        Paint(width, height, stride, rows, y, cb, cr);

        _header = new byte[1024];
        Array.Resize(ref _header, _encoder.WriteHeader(_header, 0));
        _scale = Math.Clamp(width / 320, 1, 4);
        _captionRows = Math.Min(_encoder.BlockRows, ((BitmapFont.GlyphHeight * _scale) + 4 + 7) / 8);
        _rows = new byte[_encoder.BlockRows][];
        byte[] row = new byte[_encoder.MaxRowBytes];
        for (int r = _captionRows; r < _encoder.BlockRows; r++)
        {
            int n = _encoder.EncodeRow(y, cb, cr, r, row, 0);
            _rows[r] = row.AsSpan(0, n).ToArray();
        }

        int captionBytes = _captionRows * 8 * stride;
        _captionY = new byte[captionBytes];
        _captionCb = new byte[captionBytes];
        _captionCr = new byte[captionBytes];
        _captionBackground = new byte[captionBytes];
        Array.Fill(_captionBackground, (byte)16);
        Array.Fill(_captionCb, (byte)128);
        Array.Fill(_captionCr, (byte)128);
        _scratch = row;

        int bound = _header.Length + 2 + (_captionRows * (_encoder.MaxRowBytes + 2));
        for (int r = _captionRows; r < _encoder.BlockRows; r++)
        {
            bound += _rows[r].Length + 2;
        }

        MaxFrameBytes = bound;
    }

    /// <summary>An upper bound on the size of one frame.</summary>
    public int MaxFrameBytes { get; }

    /// <summary>Width in pixels.</summary>
    public int Width => _encoder.Width;

    /// <summary>Height in pixels.</summary>
    public int Height => _encoder.Height;

    /// <summary>Writes one JPEG frame with <paramref name="caption"/> burned in.</summary>
    /// <param name="caption">The caption (digits, capitals, <c>:.-/+</c> and spaces).</param>
    /// <param name="destination">A buffer of at least <see cref="MaxFrameBytes"/>.</param>
    /// <returns>The frame's length.</returns>
    public int Render(string caption, byte[] destination)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(destination);
        int stride = _encoder.BlocksPerRow * 8;
        Array.Copy(_captionBackground, _captionY, _captionY.Length);
        BitmapFont.Draw(_captionY, stride, _captionRows * 8, 4, 2, _scale, caption, 235);

        int p = 0;
        Array.Copy(_header, 0, destination, 0, _header.Length);
        p += _header.Length;
        for (int r = 0; r < _encoder.BlockRows; r++)
        {
            if (r > 0)
            {
                p += JpegEncoder.WriteRestartMarker(r, destination, p);
            }

            if (r < _captionRows)
            {
                p += _encoder.EncodeRow(_captionY, _captionCb, _captionCr, r, destination, p);
            }
            else
            {
                byte[] cached = _rows[r];
                Array.Copy(cached, 0, destination, p, cached.Length);
                p += cached.Length;
            }
        }

        destination[p++] = 0xFF;
        destination[p++] = 0xD9;
        return p;
    }

    private static void Paint(int width, int height, int stride, int rows, byte[] y, byte[] cb, byte[] cr)
    {
        int barsHeight = height * 2 / 3;
        for (int py = 0; py < rows; py++)
        {
            int sy = Math.Min(py, height - 1);
            for (int px = 0; px < stride; px++)
            {
                int sx = Math.Min(px, width - 1);
                int r;
                int g;
                int b;
                if (sy < barsHeight)
                {
                    byte[] bar = s_bars[sx * 8 / width];
                    r = bar[0];
                    g = bar[1];
                    b = bar[2];
                }
                else
                {
                    r = g = b = 16 + (sx * 219 / width);
                }

                // JFIF 1.02 colour conversion.
                int i = (py * stride) + px;
                y[i] = (byte)Math.Clamp((int)Math.Round((0.299 * r) + (0.587 * g) + (0.114 * b)), 0, 255);
                cb[i] = (byte)Math.Clamp((int)Math.Round((-0.168736 * r) - (0.331264 * g) + (0.5 * b) + 128), 0, 255);
                cr[i] = (byte)Math.Clamp((int)Math.Round((0.5 * r) - (0.418688 * g) - (0.081312 * b) + 128), 0, 255);
            }
        }
    }
}
