using System;

namespace Bodycam.Cli;

/// <summary>The command line asks for something impossible (exit code 2).</summary>
public sealed class UsageException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="UsageException"/> class.</summary>
    /// <param name="message">What is wrong, for people.</param>
    public UsageException(string message)
        : base(message)
    {
    }
}
