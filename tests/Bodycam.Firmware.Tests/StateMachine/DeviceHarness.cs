using System.Collections.Generic;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;

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

public sealed class FakeClock : IClock
{
    public long Now { get; set; }

    public long ReadMilliseconds() => Now;
}

public sealed class FakeRealTimeClock : IRealTimeClock
{
    public bool IsSet { get; set; } = true;

    public long UnixMilliseconds { get; set; } = 1_790_000_000_000;

    public long ReadUnixMilliseconds() => UnixMilliseconds;

    public void Set(long unixMilliseconds)
    {
        UnixMilliseconds = unixMilliseconds;
        IsSet = true;
    }
}

public sealed class FakeBattery : IBattery
{
    public int Percent { get; set; } = 80;

    public int ReadPercent() => Percent;
}

public sealed class FakeCamera : ICamera
{
    public bool Running { get; private set; }

    public int Starts { get; private set; }

    public void Start()
    {
        Running = true;
        Starts++;
    }

    public void Stop() => Running = false;
}

public sealed class FakeCueOutput : ICueOutput
{
    public List<Cue> Played { get; } = new List<Cue>();

    public Dictionary<Led, LedPattern> Leds { get; } = new Dictionary<Led, LedPattern>();

    public void Play(Cue cue) => Played.Add(cue);

    public void SetLed(Led led, LedPattern pattern) => Leds[led] = pattern;

    public int Count(Cue cue) => Played.FindAll(c => c == cue).Count;
}

public sealed class FakeAuditLog : IAuditLog
{
    public List<(AuditEventType Type, long Time, string Subject)> Events { get; } =
        new List<(AuditEventType, long, string)>();

    public void Append(AuditEventType type, long monotonicMilliseconds, string subject) =>
        Events.Add((type, monotonicMilliseconds, subject));
}

public sealed class FakeProvisioning : IProvisioning
{
    public bool IsProvisioned { get; set; } = true;

    public string MunicipalityId => "heerde";

    public int RecipientCount => 1;

    public void ReadRecipientKey(int index, byte[] destination, int offset)
    {
    }

    public void ReadAuthorityKey(byte[] destination, int offset)
    {
    }
}

public sealed record SinkFrame(FrameKind Kind, bool KeyFrame, long Timestamp, byte[] Data);

public sealed class FakeRecordingSink : IRecordingSink
{
    private int _next = 1;

    public long AvailableBytes { get; set; } = 1L << 40;

    /// <summary>When set, the next AppendFrame throws this error (once).</summary>
    public StorageError? FailNextAppend { get; set; }

    public StorageError? FailBegin { get; set; }

    public bool IsOpen { get; private set; }

    public List<SinkFrame> Frames { get; } = new List<SinkFrame>();

    public List<long> Markers { get; } = new List<long>();

    public List<(long Monotonic, long Unix, bool ClockSet)> Begins { get; } = new List<(long, long, bool)>();

    public List<long> Ends { get; } = new List<long>();

    public long ReadAvailableBytes() => AvailableBytes;

    public string Begin(long monotonicMilliseconds, long unixMilliseconds, bool clockSet)
    {
        if (FailBegin is StorageError error)
        {
            throw new StorageException(error, "begin failed");
        }

        Begins.Add((monotonicMilliseconds, unixMilliseconds, clockSet));
        IsOpen = true;
        return "rec-" + _next++;
    }

    public void AppendFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count)
    {
        Assert.True(IsOpen, "AppendFrame outside a recording");
        if (FailNextAppend is StorageError error)
        {
            FailNextAppend = null;
            throw new StorageException(error, "append failed");
        }

        var copy = new byte[count];
        System.Array.Copy(data, offset, copy, 0, count);
        Frames.Add(new SinkFrame(kind, keyFrame, timestampMilliseconds, copy));
    }

    public void AddMarker(long timestampMilliseconds)
    {
        Assert.True(IsOpen, "AddMarker outside a recording");
        Markers.Add(timestampMilliseconds);
    }

    public void End(long monotonicMilliseconds)
    {
        Assert.True(IsOpen, "End outside a recording");
        Ends.Add(monotonicMilliseconds);
        IsOpen = false;
    }

    private static class Assert
    {
        public static void True(bool condition, string message) => Xunit.Assert.True(condition, message);
    }
}
