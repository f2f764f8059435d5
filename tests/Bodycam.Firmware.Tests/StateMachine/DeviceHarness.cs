using System.Collections.Generic;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.StateMachine;

namespace Bodycam.Firmware.Tests.StateMachine;

/// <summary>A device core on simulated parts, with helpers to press the button and move time.</summary>
public sealed class DeviceHarness
{
    public DeviceHarness(DeviceConfiguration? configuration = null)
    {
        Configuration = configuration ?? SmallConfiguration();
        Hardware = new DeviceHardware
        {
            Clock = Clock,
            RealTimeClock = RealTimeClock,
            Battery = Battery,
            Camera = Camera,
            Cues = Cues,
            Recordings = Sink,
            Audit = Audit,
            Provisioning = Provisioning,
        };
    }

    public DeviceConfiguration Configuration { get; }

    public DeviceHardware Hardware { get; }

    public FakeClock Clock { get; } = new FakeClock { Now = 1000 };

    public FakeRealTimeClock RealTimeClock { get; } = new FakeRealTimeClock();

    public FakeBattery Battery { get; } = new FakeBattery();

    public FakeCamera Camera { get; } = new FakeCamera();

    public FakeCueOutput Cues { get; } = new FakeCueOutput();

    public FakeRecordingSink Sink { get; } = new FakeRecordingSink();

    public FakeAuditLog Audit { get; } = new FakeAuditLog();

    public FakeProvisioning Provisioning { get; } = new FakeProvisioning();

    public DeviceCore? Core { get; private set; }

    public DeviceCore Device => Core ?? throw new System.InvalidOperationException("Boot first.");

    public List<DeviceState> States { get; } = new List<DeviceState>();

    public static DeviceConfiguration SmallConfiguration()
    {
        return new DeviceConfiguration
        {
            PreRecordArenaBytes = 256 * 1024,
            PreRecordFrameCapacity = 1024,
            PreRecordWindowMilliseconds = 2000,
            StorageReserveBytes = 1000,
        };
    }

    public DeviceCore Boot(bool heldAtBoot = false)
    {
        Core = new DeviceCore(Configuration, Hardware);
        Core.StateChanged += (sender, e) => States.Add(e.Current);
        Core.Boot(heldAtBoot);
        return Core;
    }

    /// <summary>Moves time forward in steps of at most 10 ms, polling the core at each step.</summary>
    public void Advance(long milliseconds)
    {
        long end = Clock.Now + milliseconds;
        while (Clock.Now < end)
        {
            Clock.Now += System.Math.Min(10, end - Clock.Now);
            Device.Poll();
        }
    }

    /// <summary>Moves time forward, delivering a 30 fps video stream (key frame every 30) to the core.</summary>
    public void AdvanceWithVideo(long milliseconds, int frameBytes = 200)
    {
        long end = Clock.Now + milliseconds;
        while (Clock.Now < end)
        {
            Clock.Now += System.Math.Min(10, end - Clock.Now);
            while (_nextFrameAt <= Clock.Now)
            {
                bool key = _frameNumber % 30 == 0;
                byte[] frame = FrameBytes(_frameNumber, key ? frameBytes * 5 : frameBytes);
                Device.OnFrame(FrameKind.Video, key, _nextFrameAt, frame, 0, frame.Length);
                _frameNumber++;
                _nextFrameAt = 1000 + (_frameNumber * 100 / 3);
            }

            Device.Poll();
        }
    }

    public void Edge(bool pressed)
    {
        Device.EnqueueButtonEdge(pressed, Clock.Now);
    }

    /// <summary>A clean press of a duration, then the release.</summary>
    public void Press(long holdMilliseconds)
    {
        Edge(true);
        Advance(holdMilliseconds);
        Edge(false);
    }

    public void DoublePress()
    {
        Press(80);
        Advance(150);
        Press(80);
        Advance(Configuration.DoublePressWindowMilliseconds + Configuration.DebounceMilliseconds + 20);
    }

    public void Dock(bool docked)
    {
        Device.EnqueueDockDetect(docked, Clock.Now);
        Advance(10);
    }

    public static byte[] FrameBytes(int frameNumber, int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(frameNumber + i);
        }

        if (length >= 4)
        {
            System.BitConverter.TryWriteBytes(bytes, frameNumber);
        }

        return bytes;
    }

    private long _nextFrameAt = 1000;
    private int _frameNumber;
}
