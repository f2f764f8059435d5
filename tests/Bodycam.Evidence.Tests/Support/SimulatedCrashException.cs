using System;

namespace Bodycam.Evidence.Tests.Support;

/// <summary>Thrown from the fault hook: the process "dies" at that step (no cleanup code may run after it).</summary>
internal sealed class SimulatedCrashException(VaultStep step) : Exception("simulated crash at " + step)
{
    public VaultStep Step { get; } = step;
}
