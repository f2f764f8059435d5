using System;
using System.IO;
using System.Threading;

namespace Bodycam.Emulator.Commands;

/// <summary>
/// Ctrl+C for <c>bodycam-emu</c>: for a command that watches for it (<c>run</c>, <c>live</c>, the default run) the first
/// press cancels the stop token and says so on standard error, with "press Ctrl+C again to force"; the run then stops
/// before its next step and exits 130. A second press, or any press for the other commands, ends the process at once.
/// A press is never ignored silently.
/// </summary>
public sealed class InterruptHandler
{
    private readonly CancellationTokenSource _stop;
    private readonly bool _graceful;
    private readonly TextWriter _error;

    /// <summary>Initializes a new instance of the <see cref="InterruptHandler"/> class.</summary>
    /// <param name="stop">The token source the command watches.</param>
    /// <param name="graceful">Whether the command watches the token (<see cref="EmulatorCommandLine.StopsOnFirstInterrupt"/>).</param>
    /// <param name="error">Standard error.</param>
    public InterruptHandler(CancellationTokenSource stop, bool graceful, TextWriter error)
    {
        _stop = stop ?? throw new ArgumentNullException(nameof(stop));
        _graceful = graceful;
        _error = error ?? throw new ArgumentNullException(nameof(error));
    }

    /// <summary>Handles one Ctrl+C.</summary>
    /// <returns>True when the process keeps running to stop by itself; false when it should end now.</returns>
    public bool OnInterrupt()
    {
        if (!_graceful || _stop.IsCancellationRequested)
        {
            return false;
        }

        _error.WriteLine("bodycam-emu: stopping after the current step (press Ctrl+C again to force)");
        _error.Flush();
        _stop.Cancel();
        return true;
    }
}
