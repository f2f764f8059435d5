using System;
using System.Text;
using Bodycam.Firmware.Dock;
using CsCheck;
using Xunit;

namespace Bodycam.Firmware.Tests.Dock;

public class Crc32Tests
{
    [Fact]
    public void Compute_CheckString_GivesPublishedCheckValue()
    {
        byte[] data = Encoding.ASCII.GetBytes("123456789");

        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [Fact]
    public void Compute_Empty_IsZero()
    {
        Assert.Equal(0u, Crc32.Compute([], 0, 0));
    }

    [Fact]
    public void Compute_RandomRanges_MatchesSystemIoHashing()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Int[0, 20]).Sample(
            (data, cut) =>
            {
                int offset = cut < data.Length ? cut : 0;
                int count = data.Length - offset;
                uint expected = System.IO.Hashing.Crc32.HashToUInt32(data.AsSpan(offset, count));
                Assert.Equal(expected, Crc32.Compute(data, offset, count));
            },
            seed: "0000000000000",
            threads: 1,
            iter: 300);
    }

    [Fact]
    public void Update_InPieces_EqualsWhole()
    {
        byte[] data = new byte[1000];
        new System.Random(3).NextBytes(data);

        uint crc = Crc32.Update(0, data, 0, 333);
        crc = Crc32.Update(crc, data, 333, 667);

        Assert.Equal(Crc32.Compute(data, 0, 1000), crc);
    }
}
