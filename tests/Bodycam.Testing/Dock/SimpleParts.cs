using System;
using System.Collections.Generic;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;

namespace Bodycam.Testing.Dock;

/// <summary>A monotonic clock the test moves.</summary>
public sealed class ManualClock : IClock
{
    public long Now { get; set; } = 1000;

    public long ReadMilliseconds() => Now;

    public void Advance(long milliseconds) => Now += milliseconds;
}

/// <summary>A real-time clock the test sets.</summary>
public sealed class ManualRealTimeClock : IRealTimeClock
{
    public bool IsSet { get; private set; }

    public long Unix { get; private set; }

    public long ReadUnixMilliseconds() => Unix;

    public void Set(long unixMilliseconds)
    {
        Unix = unixMilliseconds;
        IsSet = true;
    }
}

/// <summary>Seeded random bytes.</summary>
public sealed class SeededRandom(int seed) : IRandom
{
    private readonly Random _random = new(seed);

    public void Fill(byte[] buffer, int offset, int count) => _random.NextBytes(buffer.AsSpan(offset, count));
}

/// <summary>A battery at a fixed charge.</summary>
public sealed class FixedBattery : IBattery
{
    public int Percent { get; set; } = 80;

    public int ReadPercent() => Percent;
}

/// <summary>Fixed device status.</summary>
public sealed class FixedStatus : IDockDeviceStatus
{
    public string DeviceId { get; set; } = "bc-0001";

    public string FirmwareVersion { get; set; } = "0.1.0";

    public int StateCode { get; set; } = 6;

    public string StateName { get; set; } = "docked";
}

/// <summary>Keeps pushed configurations.</summary>
public sealed class RecordingConfigurationSink : IDockConfigurationSink
{
    public long AppliedSequence { get; private set; }

    public List<byte[]> Applied { get; } = [];

    public bool TryApply(long sequence, byte[] document, int offset, int count)
    {
        if (count == 0)
        {
            return false;
        }

        AppliedSequence = sequence;
        Applied.Add(document.AsSpan(offset, count).ToArray());
        return true;
    }

    public long ReadStored(byte[] destination, int offset, int capacity, out int length)
    {
        length = 0;
        if (Applied.Count == 0)
        {
            return 0;
        }

        byte[] last = Applied[^1];
        last.CopyTo(destination, offset);
        length = last.Length;
        return AppliedSequence;
    }
}

/// <summary>Collects what the device sends.</summary>
public sealed class CapturingChannel : IByteChannel
{
    public List<byte> Sent { get; } = [];

    public void Write(byte[] buffer, int offset, int count) => Sent.AddRange(buffer.AsSpan(offset, count).ToArray());

    public byte[] Take()
    {
        byte[] all = [.. Sent];
        Sent.Clear();
        return all;
    }
}
