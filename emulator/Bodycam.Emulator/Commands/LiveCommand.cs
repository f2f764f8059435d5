using System;
using System.IO;

namespace Bodycam.Emulator.Commands;

/// <summary><c>bodycam-emu live</c>: see <see cref="Live.LiveSession"/>.</summary>
public static class LiveCommand
{
    /// <summary>Runs live mode.</summary>
    /// <param name="args">The whole command line (args[0] is "live").</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ulong seed = 1;
        if (args.Length == 3 && args[1] == "--seed" && ulong.TryParse(args[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong s))
        {
            seed = s;
        }
        else if (args.Length != 1)
        {
            error.WriteLine(EmulatorCommandLine.Usage);
            return 2;
        }

        if (Console.IsInputRedirected)
        {
            error.WriteLine("bodycam-emu live needs an interactive terminal");
            return 2;
        }

        return Live.LiveSession.Run(seed);
    }
}
