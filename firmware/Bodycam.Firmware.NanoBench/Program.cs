using System;
using Bodycam.Firmware.Checks;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.NanoBench;

/// <summary>
/// Measures the device assembly on the interpreter it runs on (firmware/nano-bench runs it on nanoCLR with the
/// board's heap): the managed heap left at standby and while recording, and the time per frame and per sealed
/// segment, with the board's default configuration (16 MiB pre-record arena, 8,192-entry index, 30 s window) and a
/// 4 Mbit/s camera (25 fps of 20,000-byte frames, 100 ms audio blocks). Prints "bench NAME VALUE UNIT" lines.
/// </summary>
public static class Program
{
    private const int FrameBytes = 20000;
    private const int FrameMilliseconds = 40;
    private const int ProbeBlockBytes = 16 * 1024;

    /// <summary>Runs the measurements.</summary>
    public static void Main()
    {
        var device = new TestDevice();
        device.Configuration = new DeviceConfiguration();
        device.EngineOverride = new StubCryptoEngine();
        device.StorageOverride = new DiscardingStorage();
        device.VideoFrameBytes = FrameBytes;
        device.SegmentMaxBytes = 512 * 1024;
        device.TraceFrames = false;
        device.PowerOn();
        Print("arena", device.Core.PreRecord.ArenaBytes, "bytes");
        Print("arena-chunks", device.Core.PreRecord.ChunkCount, "chunks");

        // Standby with a full 30 s ring.
        device.Advance(32000);
        Print("ring-frames", device.Core.PreRecord.Count, "frames");
        Print("heap-free-standby", FreeKilobytes(), "KiB");

        byte[] frame = new byte[FrameBytes];
        long t = device.Clock.Now;
        const int StandbyFrames = 250;
        long start = DateTime.UtcNow.Ticks;
        for (int i = 0; i < StandbyFrames; i++)
        {
            t += FrameMilliseconds;
            device.Clock.Now = t;
            device.Core.OnFrame(FrameKind.Video, i % 25 == 0, t, frame, 0, FrameBytes);
        }

        long standbyTicks = DateTime.UtcNow.Ticks - start;
        Print("onframe-standby", standbyTicks / 10 / StandbyFrames, "us/frame");

        // Recording: the trigger drains the 30 s pre-record into the writer (about 30 segments).
        start = DateTime.UtcNow.Ticks;
        device.DoublePress();
        while (device.Core.PreRecord.IsDraining)
        {
            device.Advance(FrameMilliseconds);
        }

        Print("trigger-and-drain", (DateTime.UtcNow.Ticks - start) / 10000, "ms");
        Print("heap-free-recording", FreeKilobytes(), "KiB");

        const int RecordingSeconds = 10;
        int recordingFrames = RecordingSeconds * 1000 / FrameMilliseconds;
        t = device.Clock.Now;
        start = DateTime.UtcNow.Ticks;
        for (int i = 0; i < recordingFrames; i++)
        {
            t += FrameMilliseconds;
            device.Clock.Now = t;
            device.Core.OnFrame(FrameKind.Video, i % 25 == 0, t, frame, 0, FrameBytes);
            device.Core.Poll();
        }

        long recordingTicks = DateTime.UtcNow.Ticks - start;
        Print("onframe-recording", recordingTicks / 10 / recordingFrames, "us/frame");

        // One segment is sealed per second of recording (1 s limit; 25 x 20,000 bytes stay below 512 KiB).
        Print("per-segment-recording", recordingTicks / 10 / RecordingSeconds, "us/segment");
        Print("heap-free-after-recording", FreeKilobytes(), "KiB");
        Console.WriteLine("bench done");
    }

    private static void Print(string name, long value, string unit)
    {
        Console.WriteLine("bench " + name + " " + value.ToString() + " " + unit);
    }

    // Free managed heap, probed: allocate 16 KiB blocks until the heap is exhausted, then release them.
    private static long FreeKilobytes()
    {
        object[] blocks = new object[8192];
        int count = 0;
        try
        {
            while (count < blocks.Length)
            {
                blocks[count] = new byte[ProbeBlockBytes];
                count++;
            }
        }
        catch (OutOfMemoryException)
        {
            // The probe's end: the heap is full. Everything it took is released below.
        }

        for (int i = 0; i < count; i++)
        {
            blocks[i] = null!;
        }

        return (long)count * ProbeBlockBytes / 1024;
    }
}
