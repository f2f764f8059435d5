using System;
using System.Globalization;
using System.IO;
using Bodycam.Emulator.Hardware;

namespace Bodycam.Emulator.Commands;

/// <summary><c>bodycam-emu frame out.jpg [--resolution WxH]</c>: one JPEG test-pattern frame, to check by eye or with a decoder.</summary>
public static class FrameCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The whole command line (args[0] is "frame").</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        int width = 1920;
        int height = 1080;
        if (args.Length == 4 && args[2] == "--resolution")
        {
            string[] parts = args[3].Split('x');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height) || width < 8 || height < 8)
            {
                error.WriteLine("bodycam-emu: --resolution is WIDTHxHEIGHT");
                return 2;
            }
        }
        else if (args.Length != 2)
        {
            error.WriteLine(EmulatorCommandLine.Usage);
            return 2;
        }

        var camera = new SimulatedCamera(new CameraSettings(CameraMode.Jpeg, width, height), "HEE-01", new SeededGenerator(1));
        int length = camera.Capture(3_723_456, out _);
        File.WriteAllBytes(args[1], camera.Buffer.AsSpan(0, length).ToArray());
        output.WriteLine("wrote " + args[1] + " (" + width + "x" + height + ", " + length + " bytes)");
        return 0;
    }
}
