using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;
using CsCheck;
using Xunit;

namespace Bodycam.Sdk.Tests.Dock;

public class DockFrameReaderTests
{
    [Fact]
    public void ReadAsync_FramesBetweenGarbageAndBadCrc_ReturnsGoodFramesInOrder()
    {
        Gen.Select(Gen.Byte.Array[0, 300].List[1, 5], Gen.Byte.Array[0, 30]).Sample(
            (payloads, garbage) =>
            {
                MemoryStream stream = new();
                byte[] bad = DockFraming.Encode(0xA1, 999, [1, 2, 3]);
                bad[^2] ^= 0xFF;
                stream.Write(bad);
                for (int i = 0; i < payloads.Count; i++)
                {
                    stream.Write(garbage);
                    stream.Write(DockFraming.Encode(0xA1, (ushort)(i + 1), payloads[i]));
                }

                stream.Position = 0;
                DockFrameReader reader = new(stream, 4096);
                for (int i = 0; i < payloads.Count; i++)
                {
                    DockFrame frame = reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                    Assert.Equal(i + 1, frame.RequestId);
                    Assert.Equal(payloads[i], frame.Payload.ToArray());
                }

                Assert.True(reader.BadCrcCount >= 1);
            },
            seed: "0000000000000",
            threads: 1,
            iter: 200);
    }

    [Fact]
    public async Task ReadAsync_StreamEnds_ThrowsClosed()
    {
        DockFrameReader reader = new(new MemoryStream(DockFraming.Encode(0x81, 1, [])[..7]));

        DockConnectionException e = await Assert.ThrowsAsync<DockConnectionException>(() => reader.ReadAsync(CancellationToken.None).AsTask());

        Assert.Equal(DockConnectionFailure.Closed, e.Reason);
    }

    [Fact]
    public void Encode_KnownFrame_HasMagicLengthAndCrc()
    {
        byte[] frame = DockFraming.Encode(0x01, 0x0203, [1, 1]);

        Assert.Equal("BCDK"u8.ToArray(), frame[..4]);
        Assert.Equal(new byte[] { 1, 0x01, 0x03, 0x02, 2, 0, 0, 0, 1, 1 }, frame[4..14]);
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(frame.AsSpan(4, 10)), BitConverter.ToUInt32(frame, 14));
    }
}
