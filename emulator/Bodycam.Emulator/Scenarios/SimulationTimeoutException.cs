using System;

namespace Bodycam.Emulator.Scenarios;

/// <summary>A run reached its <c>--timeout</c> in simulated time.</summary>
public sealed class SimulationTimeoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulationTimeoutException()
        : base("The run reached its simulated-time limit.")
    {
    }
}
