using System;
using System.Collections.Generic;
using Bodycam.Emulator.Device;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;
using Xunit;

namespace Bodycam.Emulator.Tests.Device;

public class ObservingRecordingSinkTests
{
    private readonly CountingSink _inner = new();
    private readonly ObservingRecordingSink _sink;

    public ObservingRecordingSinkTests()
    {
        _sink = new ObservingRecordingSink(_inner, new List<RecordingObservation>()) { PreRecordWindowMilliseconds = 10000 };
    }

    [Fact]
    public void Begin_StartMoreThanTheWindowBeforeThePress_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => _sink.Begin(39999, 50000, 0, false));

        Assert.Contains("pre-record rule broken", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _inner.Begins);
    }

    [Fact]
    public void Begin_StartAfterThePress_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => _sink.Begin(50001, 50000, 0, false));
    }

    [Fact]
    public void Begin_StartExactlyTheWindowBeforeThePress_IsObserved()
    {
        _sink.Begin(40000, 50000, 0, false);

        Assert.Equal(10000, _sink.Current!.PreRecordSpanMilliseconds);
        Assert.Equal(1, _inner.Begins);
    }

    [Fact]
    public void AppendFrame_OlderThanTheStart_Throws()
    {
        _sink.Begin(45000, 50000, 0, false);

        Assert.Throws<InvalidOperationException>(() => _sink.AppendFrame(FrameKind.Video, true, 44999, new byte[4], 0, 4));
        Assert.Equal(0, _inner.Frames);
    }

    [Fact]
    public void AppendFrame_FirstVideoFrameNotAKeyFrame_Throws()
    {
        _sink.Begin(50000, 50000, 0, false);
        _sink.AppendFrame(FrameKind.Audio, false, 50000, new byte[4], 0, 4);

        Assert.Throws<InvalidOperationException>(() => _sink.AppendFrame(FrameKind.Video, false, 50010, new byte[4], 0, 4));
        _sink.AppendFrame(FrameKind.Video, true, 50020, new byte[4], 0, 4);
        _sink.AppendFrame(FrameKind.Video, false, 50030, new byte[4], 0, 4);
        Assert.Equal(3, _inner.Frames);
    }

    private sealed class CountingSink : IRecordingSink
    {
        public int Begins { get; private set; }

        public int Frames { get; private set; }

        public bool IsOpen { get; private set; }

        public long ReadAvailableBytes() => long.MaxValue;

        public string Begin(long startMonotonicMilliseconds, long pressMonotonicMs, long unixMilliseconds, bool clockSet)
        {
            Begins++;
            IsOpen = true;
            return "r" + Begins;
        }

        public void AppendFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count) => Frames++;

        public void AddMarker(long timestampMilliseconds)
        {
        }

        public void End(long monotonicMilliseconds) => IsOpen = false;
    }
}
