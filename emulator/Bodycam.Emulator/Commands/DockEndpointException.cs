using System;

namespace Bodycam.Emulator.Commands;

/// <summary>A dock endpoint (<c>--dock-port</c>, <c>--dock-pty</c>) could not be opened: the port is in use or not
/// allowed, or no pseudo-terminal could be made (exit 3, <see cref="EmulatorExitCodes.EndpointFailed"/>).</summary>
public sealed class DockEndpointException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DockEndpointException"/> class.</summary>
    /// <param name="message">What could not be opened and what to do.</param>
    /// <param name="inner">The socket or I/O error.</param>
    public DockEndpointException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
