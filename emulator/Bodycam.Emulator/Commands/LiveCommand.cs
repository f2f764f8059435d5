using System;
using System.CommandLine;
using System.IO;
using System.Threading;

namespace Bodycam.Emulator.Commands;

/// <summary><c>bodycam-emu live</c>: see <see cref="Live.LiveSession"/>.</summary>
public static class LiveCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="stop">Ends the session as the quit key does.</param>
    /// <returns>The command.</returns>
    public static Command Build(TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(error);
        Option<ulong> seed = new("--seed") { Description = "The seed of the simulated parts (the same seed gives the same device).", DefaultValueFactory = _ => 1, CustomParser = r => (ulong)OptionParsers.Number(r, 0, long.MaxValue, "--seed is a non-negative number") };
        Option<int?> dockPort = DockOptions.Port();
        Option<bool> dockPty = DockOptions.Pty();
        Command command = new("live", "The interactive device in real time (needs a terminal): press keys for the button, dock and power.") { seed, dockPort, dockPty };
        command.SetAction(parse =>
        {
            if (Console.IsInputRedirected)
            {
                error.WriteLine("bodycam-emu: live needs an interactive terminal");
                return EmulatorExitCodes.Usage;
            }

            return Live.LiveSession.Run(parse.GetValue(seed), parse.GetValue(dockPort), parse.GetValue(dockPty), stop);
        });
        return command;
    }
}
