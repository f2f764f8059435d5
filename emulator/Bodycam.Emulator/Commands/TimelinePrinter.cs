using System;
using System.IO;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;

namespace Bodycam.Emulator.Commands;

/// <summary>Prints a device's timeline and its recordings in a readable form.</summary>
public static class TimelinePrinter
{
    /// <summary>Writes the timeline, the recording files and their verification.</summary>
    /// <param name="device">The device after its run.</param>
    /// <param name="output">Where to write.</param>
    public static void Print(EmulatedDevice device, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("device " + device.Options.DeviceId + " (" + device.Options.Municipality + ")");
        foreach (TimelineEntry entry in device.Timeline)
        {
            output.WriteLine("  " + SimulatedCamera.FormatTime(entry.AtMilliseconds) + "  " + entry.Kind.PadRight(9) + " " + entry.Text);
        }

        RecordingsReport report = device.ReadRecordings();
        output.WriteLine("recordings: " + report.Count);
        foreach (RecordingSummary r in report.Recordings)
        {
            output.WriteLine("  " + r.Id + ": " + r.Status + ", " + r.Parts + " file(s), " + r.Bytes + " bytes, duration " + Quantity.FormatDuration(r.DurationMilliseconds)
                + ", pre-record " + Quantity.FormatDuration(r.PreRecordMilliseconds) + ", " + r.VideoFrames + " video frames, " + r.AudioFrames + " audio blocks, "
                + r.Markers + " marker(s), audio in pre-record: " + (r.AudioInPreRecord ? "yes" : "no"));
            output.WriteLine("    verification: " + r.Verification);
        }

        foreach (string file in device.Storage.IsPowered ? device.Storage.List() : Array.Empty<string>())
        {
            output.WriteLine("  file " + file + " (" + device.Storage.GetLength(file) + " bytes)");
        }
    }
}
