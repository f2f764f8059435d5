using System;

namespace Bodycam.Firmware.Checks;

/// <summary>A firmware check found the core not doing what it must; the message says what was expected.</summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CheckFailedException"/> class.</summary>
    /// <param name="message">What was expected and what happened.</param>
    public CheckFailedException(string message)
        : base(message)
    {
    }
}
