using System;
using Bodycam.Emulator.Commands;

namespace Bodycam.Emulator;

/// <summary>The emulator's command line (see <see cref="EmulatorCommandLine.Usage"/>).</summary>
public static class Program
{
    /// <summary>Runs the emulator.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        return EmulatorCommandLine.Run(args, Console.Out, Console.Error);
    }
}
