using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Live;

/// <summary>What live mode shows, taken from a device at one instant (no terminal involved, so it is testable).</summary>
public sealed class LiveViewModel
{
    /// <summary>Simulated time, <c>HH:MM:SS.mmm</c>.</summary>
    public required string Time { get; init; }

    /// <summary>Device id and municipality.</summary>
    public required string Device { get; init; }

    /// <summary>State (and fault).</summary>
    public required string State { get; init; }

    /// <summary>Recording LED pattern.</summary>
    public required string RecordingLed { get; init; }

    /// <summary>Status LED pattern.</summary>
    public required string StatusLed { get; init; }

    /// <summary>Pre-record buffer fill, 0..100.</summary>
    public int BufferPercent { get; init; }

    /// <summary>Storage used, 0..100.</summary>
    public int StoragePercent { get; init; }

    /// <summary>Battery, 0..100.</summary>
    public int BatteryPercent { get; init; }

    /// <summary>Whether docked.</summary>
    public bool Docked { get; init; }

    /// <summary>Recordings on storage (id, status, bytes).</summary>
    public required IReadOnlyList<string> Recordings { get; init; }

    /// <summary>The last timeline lines.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>The dock endpoints (<c>tcp 127.0.0.1:4700, pty /dev/pts/5</c>), or empty.</summary>
    public string DockEndpoints { get; init; } = string.Empty;

    /// <summary>Takes a snapshot of <paramref name="device"/>.</summary>
    /// <param name="device">The device.</param>
    /// <param name="eventLines">How many recent timeline lines to keep.</param>
    /// <returns>The snapshot.</returns>
    public static LiveViewModel From(EmulatedDevice device, int eventLines)
    {
        ArgumentNullException.ThrowIfNull(device);

        // A dock endpoint's thread may be in the firmware (reading storage, appending to the timeline): snapshot
        // under the board lock.
        lock (device.BoardLock)
        {
            return Snapshot(device, eventLines);
        }
    }

    private static LiveViewModel Snapshot(EmulatedDevice device, int eventLines)
    {
        var recordings = new List<string>();
        if (device.Store != null)
        {
            foreach (Bodycam.Firmware.Storage.RecordingInfo info in device.Store.ListRecordings())
            {
                recordings.Add(info.RecordingId + "  " + Names.Kebab(info.State.ToString()) + "  " + info.FileNames.Length + " file(s)  " + info.TotalBytes + " B");
            }
        }

        var events = new List<string>();
        IReadOnlyList<TimelineEntry> timeline = device.Timeline;
        for (int i = Math.Max(0, timeline.Count - eventLines); i < timeline.Count; i++)
        {
            events.Add(SimulatedCamera.FormatTime(timeline[i].AtMilliseconds) + " " + timeline[i].Kind + " " + timeline[i].Text);
        }

        int buffer = 0;
        if (device.Core != null && device.Core.Configuration.PreRecordArenaBytes > 0)
        {
            buffer = (int)Math.Min(100, device.Core.PreRecord.BytesUsed * 100 / device.Core.Configuration.PreRecordArenaBytes);
        }

        long capacity = device.Storage.CapacityBytes;
        long free = device.FreeBytes;
        return new LiveViewModel
        {
            Time = SimulatedCamera.FormatTime(device.Now),
            Device = device.Options.DeviceId + " (" + device.Options.Municipality + ")",
            State = device.State + (device.Fault != "none" ? " / " + device.Fault : string.Empty),
            RecordingLed = Names.Kebab(device.ReadLed(Led.Recording).ToString()),
            StatusLed = Names.Kebab(device.ReadLed(Led.Status).ToString()),
            BufferPercent = buffer,
            StoragePercent = capacity <= 0 || !device.Storage.IsPowered ? 0 : (int)((capacity - free) * 100 / capacity),
            BatteryPercent = device.Battery.ReadPercent(),
            Docked = device.IsDocked,
            DockEndpoints = string.Join(", ", Endpoints(device)),
            Recordings = recordings,
            Events = events,
        };
    }

    private static IEnumerable<string> Endpoints(EmulatedDevice device)
    {
        if (device.DockTcpPort != 0)
        {
            yield return "tcp 127.0.0.1:" + device.DockTcpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (device.DockPtyPath != null)
        {
            yield return "pty " + device.DockPtyPath;
        }
    }
}
