using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Bodycam.Emulator.Board;

namespace Bodycam.Emulator.Commands;

/// <summary><c>bodycam-emu frame out.jpg [--resolution WxH]</c>: one JPEG test-pattern frame, to check by eye or with a decoder.</summary>
public static class FrameCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="output">Standard output.</param>
    /// <returns>The command.</returns>
    public static Command Build(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Argument<string> file = new("out.jpg") { Description = "The JPEG file to write." };
        Option<int[]> resolution = new("--resolution")
        {
            Description = "The frame size, WIDTHxHEIGHT (each at least 8).",
            HelpName = "WxH",
            DefaultValueFactory = _ => [1920, 1080],
            CustomParser = r =>
            {
                string[] parts = r.Tokens[0].Value.Split('x');
                if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int width)
                    || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int height) || width < 8 || height < 8)
                {
                    r.AddError("--resolution is WIDTHxHEIGHT, each at least 8");
                    return null;
                }

                return [width, height];
            },
        };
        Command command = new("frame", "Write one test-pattern JPEG frame (burned-in time and device id), to check by eye or with a decoder.") { file, resolution };
        command.SetAction(parse =>
        {
            int[] size = parse.GetValue(resolution)!;
            return Run(parse.GetValue(file)!, size[0], size[1], output);
        });
        return command;
    }

    /// <summary>Writes the frame.</summary>
    /// <param name="path">The JPEG file to write.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <param name="output">Standard output.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string path, int width, int height, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(output);
        var camera = new SimulatedCamera(new CameraSettings(CameraMode.Jpeg, width, height), "HEE-01", new SeededGenerator(1));
        int length = camera.Capture(3_723_456, out _);
        File.WriteAllBytes(path, camera.Buffer.AsSpan(0, length).ToArray());
        output.WriteLine("wrote " + path + " (" + width + "x" + height + ", " + length + " bytes)");
        return EmulatorExitCodes.Success;
    }
}
