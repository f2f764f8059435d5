using System;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;

namespace Bodycam.Emulator.Device;

/// <summary>The writer of a device without power: refuses to begin, takes nothing.</summary>
internal sealed class NullRecordingSink : IRecordingSink
{
    /// <inheritdoc />
    public bool IsOpen => false;

    /// <inheritdoc />
    public long ReadAvailableBytes()
    {
        return 0;
    }

    /// <inheritdoc />
    public string Begin(long startMonotonicMilliseconds, long pressMonotonicMilliseconds, long unixMilliseconds, bool clockSet)
    {
        throw new InvalidOperationException("The device has no power.");
    }

    /// <inheritdoc />
    public void AppendFrame(FrameKind kind, bool keyFrame, long timestampMilliseconds, byte[] data, int offset, int count)
    {
    }

    /// <inheritdoc />
    public void AddMarker(long timestampMilliseconds)
    {
    }

    /// <inheritdoc />
    public void End(long monotonicMilliseconds)
    {
    }
}
