using System;

namespace Bodycam.Sdk.Export;

/// <summary>An export was refused; <see cref="Reason"/> says why.</summary>
public sealed class ExportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the export was refused.</param>
    /// <param name="message">A description for people (never frame content or keys).</param>
    public ExportException(ExportError reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why the export was refused.</summary>
    public ExportError Reason { get; }
}
