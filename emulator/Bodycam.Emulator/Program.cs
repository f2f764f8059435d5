using System;
using System.Threading;
using Bodycam.Emulator.Commands;

namespace Bodycam.Emulator;

/// <summary>The emulator's command line (<see cref="EmulatorCommandLine"/>; docs/emulator.md, "Command line").</summary>
public static class Program
{
    /// <summary>Runs the emulator.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        // The first Ctrl+C stops run (before its next step, exit 130), serving the dock endpoints and live mode, and
        // says so; a second one, or the first for any other command, ends the process (InterruptHandler).
        using var stop = new CancellationTokenSource();
        var interrupts = new InterruptHandler(stop, EmulatorCommandLine.StopsOnFirstInterrupt(args), Console.Error);
        Console.CancelKeyPress += (_, e) => e.Cancel = interrupts.OnInterrupt();
        return EmulatorCommandLine.Run(args, Console.Out, Console.Error, stop.Token);
    }
}
