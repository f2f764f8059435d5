using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;

namespace Bodycam.Emulator.Commands;

/// <summary>
/// <c>bodycam-emu bench shift</c>: a 10 h shift at 1080p30, 4 Mbit/s (GOP mode) with five 5-minute escalations,
/// each recorded, encrypted and stored by the real writer; prints simulated time over wall time.
/// </summary>
public static class ShiftBenchmark
{
    /// <summary>The shift's length.</summary>
    public const long ShiftMilliseconds = 10 * 3_600_000L;

    /// <summary>Runs the shift once and prints the figures.</summary>
    /// <param name="output">Where the figures go.</param>
    /// <returns>0.</returns>
    public static int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ShiftFigures figures = RunShift();
        output.WriteLine("shift: " + Quantity.FormatDuration(figures.SimulatedMilliseconds) + " simulated in " + figures.WallMilliseconds.ToString("0", CultureInfo.InvariantCulture)
            + " ms wall: " + figures.Ratio.ToString("0", CultureInfo.InvariantCulture) + "x real time; " + figures.Recordings + " recordings, "
            + (figures.RecordedBytes / 1_000_000).ToString(CultureInfo.InvariantCulture) + " MB encrypted, " + figures.Frames + " frames");
        return 0;
    }

    /// <summary>Runs the shift.</summary>
    /// <returns>The figures.</returns>
    public static ShiftFigures RunShift()
    {
        var options = new EmulatedDeviceOptions
        {
            Seed = 7,
            Camera = new CameraSettings(CameraMode.Gop, 1920, 1080, 30, 4_000_000, 30),
            Keys = KeyRing.FromSeed(7),
        };
        using var device = new EmulatedDevice(options);
        var watch = Stopwatch.StartNew();
        int recordings = 0;
        long bytes = 0;
        long interval = ShiftMilliseconds / 5;
        for (int i = 0; i < 5; i++)
        {
            device.Advance(interval - (5 * 60_000) - 5_000);
            Press(device, 120);
            device.Advance(150);
            Press(device, 120);
            device.Advance(5 * 60_000);
            Press(device, 3_200);
            device.Advance(1_000);

            // Offloaded between escalations (the recordings would fill RAM otherwise: storage is held in memory).
            foreach (Bodycam.Firmware.Storage.RecordingInfo info in device.Store!.ListRecordings())
            {
                bytes += info.TotalBytes;
                recordings++;
                device.Store.DeleteOffloaded(info.RecordingId);
            }
        }

        device.Advance(ShiftMilliseconds - device.Now);
        watch.Stop();
        return new ShiftFigures(device.Now, watch.Elapsed.TotalMilliseconds, recordings, bytes, device.Camera.FramesCaptured);
    }

    private static void Press(EmulatedDevice device, long held)
    {
        device.SetButton(true);
        device.Advance(held);
        device.SetButton(false);
    }
}
