using System;

namespace Bodycam.NanoGate.Tests;

/// <summary>
/// A fixture did not compile; the message lists the compiler's errors.
/// </summary>
public sealed class CompileFailure : Exception
{
    public CompileFailure(string message)
        : base(message)
    {
    }
}
