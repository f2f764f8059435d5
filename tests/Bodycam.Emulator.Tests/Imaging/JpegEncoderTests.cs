using System;
using Bodycam.Emulator.Board.Imaging;
using Xunit;

namespace Bodycam.Emulator.Tests.Imaging;

public class JpegEncoderTests
{
    [Fact]
    public void AnnexKTables_HaveTheirCodeCounts()
    {
        Assert.Equal(12, Sum(JpegTables.DcLuminanceBits));
        Assert.Equal(12, Sum(JpegTables.DcChrominanceBits));
        Assert.Equal(162, Sum(JpegTables.AcLuminanceBits));
        Assert.Equal(162, Sum(JpegTables.AcChrominanceBits));
        Assert.Equal(162, JpegTables.AcLuminanceValues.Length);
        Assert.Equal(162, JpegTables.AcChrominanceValues.Length);
    }

    [Fact]
    public void Render_Frame_IsBaselineJpegWithSizeAndRestartMarkers()
    {
        var pattern = new TestPatternFrame(64, 48, 75);
        byte[] buffer = new byte[pattern.MaxFrameBytes];

        int length = pattern.Render("HEE-01 00:00:01.000", buffer);

        Assert.Equal(0xFF, buffer[0]);
        Assert.Equal(0xD8, buffer[1]);
        Assert.Equal(0xFF, buffer[length - 2]);
        Assert.Equal(0xD9, buffer[length - 1]);
        int sof = IndexOf(buffer, length, 0xC0);
        Assert.Equal(48, (buffer[sof + 5] << 8) | buffer[sof + 6]);
        Assert.Equal(64, (buffer[sof + 7] << 8) | buffer[sof + 8]);
        int restarts = 0;
        for (int i = 0; i < length - 1; i++)
        {
            if (buffer[i] == 0xFF && buffer[i + 1] >= 0xD0 && buffer[i + 1] <= 0xD7)
            {
                restarts++;
            }
        }

        Assert.Equal(48 / 8 - 1, restarts);
    }

    [Fact]
    public void Render_DifferentCaption_ChangesOnlyTheFrame()
    {
        var pattern = new TestPatternFrame(320, 240, 75);
        byte[] a = new byte[pattern.MaxFrameBytes];
        byte[] b = new byte[pattern.MaxFrameBytes];

        int la = pattern.Render("00:00:01.000", a);
        int lb = pattern.Render("00:00:02.000", b);
        int la2 = pattern.Render("00:00:01.000", b);

        Assert.NotEqual(a.AsSpan(0, la).ToArray(), b.AsSpan(0, lb).ToArray());
        Assert.Equal(la, la2);
        Assert.Equal(a.AsSpan(0, la).ToArray(), b.AsSpan(0, la2).ToArray());
    }

    [Fact]
    public void Encode_FlatGreyImage_IsSmall()
    {
        var encoder = new JpegEncoder(16, 16, 50);
        byte[] plane = new byte[256];
        System.Array.Fill(plane, (byte)128);

        byte[] jpeg = encoder.Encode(plane, plane, plane);

        Assert.True(jpeg.Length < 700);
    }

    private static int Sum(byte[] bits)
    {
        int n = 0;
        foreach (byte b in bits)
        {
            n += b;
        }

        return n;
    }

    private static int IndexOf(byte[] buffer, int length, byte marker)
    {
        for (int i = 0; i < length - 1; i++)
        {
            if (buffer[i] == 0xFF && buffer[i + 1] == marker)
            {
                return i;
            }
        }

        return -1;
    }
}
