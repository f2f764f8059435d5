using Bodycam.Firmware.Checks.Doubles;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.PreRecord;

namespace Bodycam.Firmware.Checks.Areas;

/// <summary>The pre-record ring (docs/state-machine.md, "Pre-record"): eviction, key frames, audio, zeroing.</summary>
public static class PreRecordChecks
{
    /// <summary>Eviction by age: nothing older than the newest frame minus the window is kept.</summary>
    public static void EvictsByAge()
    {
        var ring = new PreRecordBuffer(64 * 1024, 256, 1000, false);
        byte[] frame = Frame(3, 100);
        for (int t = 0; t <= 3000; t += 100)
        {
            ring.Push(FrameKind.Video, true, t, frame, 0, frame.Length);
        }

        Check.True(ring.GetTimestamp(0) >= 3000 - 1000, "oldest frame inside the window");
        Check.True(ring.EvictedByAgeCount > 0, "frames evicted by age");
        Check.Equal(0, ring.EvictedBySpaceCount, "no eviction by space");
    }

    /// <summary>Eviction by space: a full arena drops the oldest frames; a frame larger than the arena is refused.</summary>
    public static void EvictsBySpaceAndRefusesOversize()
    {
        var ring = new PreRecordBuffer(1000, 16, 30000, false);
        ring.Push(FrameKind.Video, true, 0, new byte[300], 0, 300);
        Check.True(ring.Push(FrameKind.Video, true, 10, new byte[1000], 0, 1000), "a frame of the whole arena is kept");
        Check.Equal(1, ring.Count, "frames");
        Check.Equal(1, ring.EvictedBySpaceCount, "evicted by space");
        Check.True(!ring.Push(FrameKind.Video, true, 20, new byte[1001], 0, 1001), "an oversize frame is refused");
        Check.Equal(1, ring.RejectedOversizeCount, "refused");
    }

    /// <summary>The clip starts at the last key frame at or before trigger minus window (docs/state-machine.md).</summary>
    public static void DrainStartsAtLastKeyFrameBeforeWindow()
    {
        var ring = new PreRecordBuffer(256 * 1024, 512, 2000, false);
        byte[] frame = Frame(5, 200);
        long t = 0;
        for (int i = 0; i < 100; i++)
        {
            t = i * 40;
            ring.Push(FrameKind.Video, i % 25 == 0, t, frame, 0, frame.Length);
        }

        ring.Trim(t);
        int count = ring.BeginDrain(t);
        Check.True(count > 0, "frames to drain");
        var sink = new CollectingSink();
        ring.DrainTo(sink, ring.Count);
        Check.True(sink.FirstKeyFrame, "the first drained frame is a key frame");
        Check.Equal(1000, sink.FirstTimestamp, "the clip starts at the last key frame at or before trigger - window");
    }

    /// <summary>Audio stays out of the ring unless configured in.</summary>
    public static void AudioExcludedUnlessConfigured()
    {
        byte[] frame = Frame(1, 64);
        var without = new PreRecordBuffer(64 * 1024, 64, 30000, false);
        var with = new PreRecordBuffer(64 * 1024, 64, 30000, true);
        for (int i = 0; i < 10; i++)
        {
            FrameKind kind = i % 2 == 0 ? FrameKind.Audio : FrameKind.Video;
            without.Push(kind, true, i * 50, frame, 0, frame.Length);
            with.Push(kind, true, i * 50, frame, 0, frame.Length);
        }

        Check.Equal(5, without.ExcludedAudioCount, "audio left out");
        for (int i = 0; i < without.Count; i++)
        {
            Check.True(without.GetKind(i) == FrameKind.Video, "only video kept");
        }

        Check.Equal(0, with.ExcludedAudioCount, "audio kept when configured");
        Check.Equal(10, with.Count, "all frames kept");
    }

    /// <summary>Clearing the ring zeroes the arena (wiped on stop of standby, docking, power-down).</summary>
    public static void ClearZeroesTheArena()
    {
        var ring = new PreRecordBuffer(4096, 16, 30000, true);
        byte[] frame = Frame(9, 1000);
        for (int i = 0; i < 10; i++)
        {
            ring.Push(FrameKind.Video, i % 3 == 0, i * 33, frame, 0, frame.Length);
        }

        Check.True(!ring.IsArenaZeroed(), "the arena holds frame bytes");
        ring.Clear();
        Check.True(ring.IsArenaZeroed(), "the arena is zeroed");
        Check.Equal(0, ring.Count, "frames");
        Check.Equal(0, ring.BytesUsed, "bytes used");
    }

    /// <summary>
    /// A 32-bit nanoFramework board's largest managed object: 65,535 heap blocks of 12 bytes (786,420 bytes) less
    /// the array header; rounded down to leave room for it.
    /// </summary>
    public const int BoardLargestObjectBytes = 786000;

    /// <summary>
    /// The default 16 MiB arena is allocated in chunks no larger than a 32-bit board's largest object, and the device
    /// assembly allocates it (on nanoCLR this allocates the whole arena: run with a heap of the board's size).
    /// </summary>
    public static void ArenaChunksFitTheBoardLimit()
    {
        var configuration = new Bodycam.Firmware.Configuration.DeviceConfiguration();
        var ring = new PreRecordBuffer(
            configuration.PreRecordArenaBytes,
            configuration.PreRecordFrameCapacity,
            configuration.PreRecordWindowMilliseconds,
            false);
        Check.Equal(16 * 1024 * 1024, ring.ArenaBytes, "arena");
        Check.True(ring.ChunkBytes <= BoardLargestObjectBytes, "every chunk within the board's largest object");
        Check.Equal(32, ring.ChunkCount, "chunks");
    }

    /// <summary>Frames never straddle chunks and come back intact after many wraps of a two-chunk arena.</summary>
    public static void ChunkedArenaKeepsFramesIntact()
    {
        var ring = new PreRecordBuffer(PreRecordBuffer.MaxChunkBytes + 300000, 64, 120000, false);
        Check.Equal(2, ring.ChunkCount, "chunks");
        byte[] frame = new byte[90000];
        byte[] copy = new byte[90000];
        for (int i = 0; i < 60; i++)
        {
            int length = 40000 + ((i * 7919) % 50000);
            for (int k = 0; k < length; k++)
            {
                frame[k] = (byte)(i + (k * 13));
            }

            Check.True(ring.Push(FrameKind.Video, i % 5 == 0, i * 40, frame, 0, length), "pushed");
            for (int f = 0; f < ring.Count; f++)
            {
                int n = ring.CopyFrame(f, copy, 0);
                int seed = (int)(ring.GetTimestamp(f) / 40);
                for (int k = 0; k < n; k += 997)
                {
                    Check.Equal((byte)(seed + (k * 13)), copy[k], "frame byte");
                }
            }
        }

        Check.True(ring.EvictedBySpaceCount > 0, "the arena wrapped");
        Check.Equal(0, ring.RejectedOversizeCount, "nothing rejected");
        Check.True(!ring.Push(FrameKind.Video, true, 9999, new byte[PreRecordBuffer.MaxChunkBytes + 1], 0, PreRecordBuffer.MaxChunkBytes + 1), "a frame larger than a chunk is refused");
    }

    private static byte[] Frame(int seed, int length)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)((seed * 31) + i + 1);
        }

        return data;
    }

    private sealed class CollectingSink : Bodycam.Firmware.Recording.IRecordingSink
    {
        public bool FirstKeyFrame { get; private set; }

        public long FirstTimestamp { get; private set; } = -1;

        public bool IsOpen => true;

        public long ReadAvailableBytes()
        {
            return long.MaxValue;
        }

        public string Begin(long startMonotonicMilliseconds, long pressMonotonicMilliseconds, long unixMilliseconds, bool clockSet)
        {
            return "x";
        }

        public void AppendFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count)
        {
            if (FirstTimestamp < 0)
            {
                FirstTimestamp = timestampMilliseconds;
                FirstKeyFrame = keyFrame;
            }
        }

        public void AddMarker(long timestampMilliseconds)
        {
        }

        public void End(long monotonicMilliseconds)
        {
        }
    }
}
