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
    /// <param name="stop">Ends the session as the quit key does.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, System.Threading.CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ulong seed = 1;
        int? dockPort = null;
        bool dockPty = false;
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] == "--dock-pty")
            {
                dockPty = true;
            }
            else if (args[i] == "--seed" && i + 1 < args.Length && ulong.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong s))
            {
                seed = s;
                i++;
            }
            else if (args[i] == "--dock-port" && i + 1 < args.Length && int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int p) && p <= 65535)
            {
                dockPort = p;
                i++;
            }
            else
            {
                error.WriteLine(EmulatorCommandLine.Usage);
                return 2;
            }
        }

        if (Console.IsInputRedirected)
        {
            error.WriteLine("bodycam-emu live needs an interactive terminal");
            return 2;
        }

        return Live.LiveSession.Run(seed, dockPort, dockPty, stop);
    }
}
