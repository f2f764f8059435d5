using System;
using System.Collections.Generic;
using System.Linq;
using Bodycam.Firmware.Dock;
using Bodycam.Testing.Dock;
using CsCheck;
using Xunit;

namespace Bodycam.Firmware.Tests.Dock;

public class DockFrameParserTests
{
    private const string Seed = "0000000000000";

    [Fact]
    public void Feed_FramesSplitAnywhereWithGarbageBetween_FindsEveryFrameInOrder()
    {
        Gen<byte[]> garbage = Gen.Byte.Array[0, 40];
        Gen<byte[]> payload = Gen.Byte.Array[0, 200];
        Gen.Select(payload.List[1, 6], garbage.List[7], Gen.Int[1, 50]).Sample(
            (payloads, garbages, chunk) =>
            {
                List<byte> stream = [];
                for (int i = 0; i < payloads.Count; i++)
                {
                    stream.AddRange(garbages[i]);
                    stream.AddRange(DockTestHost.Frame(0x21, i + 1, payloads[i]));
                }

                stream.AddRange(garbages[6]);
                Collector collector = new();
                DockFrameParser parser = new(collector, 1024, 2000);
                byte[] all = [.. stream];
                for (int p = 0; p < all.Length; p += chunk)
                {
                    parser.Feed(all, p, System.Math.Min(chunk, all.Length - p), 0);
                }

                // Garbage may contain a stray magic that holds a later frame back; the frame timeout releases it.
                parser.Expire(10000);
                parser.Expire(20000);
                List<int> ids = collector.Frames.Select(f => f.Id).ToList();
                Assert.Equal(Enumerable.Range(1, payloads.Count), ids.Where(id => id >= 1 && id <= payloads.Count).Distinct());
                for (int i = 0; i < payloads.Count; i++)
                {
                    Assert.Equal(payloads[i], collector.Frames.First(f => f.Id == i + 1).Payload);
                }
            },
            seed: Seed,
            threads: 1,
            iter: 300);
    }

    [Fact]
    public void Feed_BadCrc_DropsFrameAndKeepsNext()
    {
        byte[] bad = DockTestHost.Frame(0x02, 1, [1, 2, 3]);
        bad[^1] ^= 0x55;
        byte[] good = DockTestHost.Frame(0x02, 2, [4]);
        Collector collector = new();
        DockFrameParser parser = new(collector, 1024, 2000);

        parser.Feed([.. bad, .. good], 0, bad.Length + good.Length, 0);

        Assert.Equal([2], collector.Frames.Select(f => f.Id));
        Assert.Equal(1, parser.BadCrcCount);
    }

    [Fact]
    public void Feed_OversizeLength_RejectsHeaderAndResyncs()
    {
        byte[] header = DockTestHost.Frame(0x21, 9, []);
        LittleEndian.WriteUInt32(header, 8, 5000);
        byte[] good = DockTestHost.Frame(0x02, 3, []);
        Collector collector = new();
        DockFrameParser parser = new(collector, 1024, 2000);

        parser.Feed([.. header, .. good], 0, header.Length + good.Length, 0);

        Assert.Equal(DockError.FrameTooLarge, Assert.Single(collector.Rejected));
        Assert.Equal([3], collector.Frames.Select(f => f.Id));
    }

    [Fact]
    public void Feed_PartialFrameThenSilence_TimesOutAndAcceptsNextFrame()
    {
        byte[] frame = DockTestHost.Frame(0x02, 1, new byte[100]);
        Collector collector = new();
        DockFrameParser parser = new(collector, 1024, 2000);
        parser.Feed(frame, 0, 50, 0);

        byte[] next = DockTestHost.Frame(0x02, 2, []);
        parser.Feed(next, 0, next.Length, 5000);

        Assert.Equal([2], collector.Frames.Select(f => f.Id));
        Assert.Equal(1, parser.TimeoutCount);
    }

    [Fact]
    public void Feed_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 3000].Sample(
            data =>
            {
                Collector collector = new();
                DockFrameParser parser = new(collector, 256, 2000);
                parser.Feed(data, 0, data.Length, 0);
                parser.Expire(99999);
                Assert.True(parser.PendingByteCount <= 256 + 16);
            },
            seed: Seed,
            threads: 1,
            iter: 300);
    }

    private sealed class Collector : IDockFrameHandler
    {
        public List<(int Id, byte[] Payload)> Frames { get; } = [];

        public List<DockError> Rejected { get; } = [];

        public void OnFrame(int type, int requestId, byte[] buffer, int payloadOffset, int payloadLength) =>
            Frames.Add((requestId, buffer.AsSpan(payloadOffset, payloadLength).ToArray()));

        public void OnRejectedHeader(int type, int requestId, DockError error) => Rejected.Add(error);
    }
}
