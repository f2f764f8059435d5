using System.Collections.Generic;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.Tests.StateMachine;

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

    /// <summary>The start-monotonic of each Begin (the oldest pre-record frame, or the press).</summary>
    public List<long> Starts { get; } = new List<long>();

    public List<long> Ends { get; } = new List<long>();

    public long ReadAvailableBytes() => AvailableBytes;

    public string Begin(long monotonicMilliseconds, long unixMilliseconds, bool clockSet) =>
        Begin(monotonicMilliseconds, monotonicMilliseconds, unixMilliseconds, clockSet);

    public string Begin(long startMonotonicMilliseconds, long monotonicMilliseconds, long unixMilliseconds, bool clockSet)
    {
        if (FailBegin is StorageError error)
        {
            throw new StorageException(error, "begin failed");
        }

        Begins.Add((monotonicMilliseconds, unixMilliseconds, clockSet));
        Starts.Add(startMonotonicMilliseconds);
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
