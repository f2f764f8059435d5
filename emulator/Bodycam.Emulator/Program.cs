using System;
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
        // The first Ctrl+C ends serving the dock endpoints (and live mode) cleanly; a second one ends the process.
        using var stop = new System.Threading.CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        };
        return EmulatorCommandLine.Run(args, Console.Out, Console.Error, stop.Token);
    }
}
