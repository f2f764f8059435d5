using System;

namespace Bodycam.Sdk.Dock;

/// <summary>The link to a device failed (timeout, closed, or an answer that breaks the protocol).</summary>
public sealed class DockConnectionException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DockConnectionException"/> class.</summary>
    /// <param name="reason">Why it failed.</param>
    /// <param name="message">What failed, for people.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public DockConnectionException(DockConnectionFailure reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
    }

    /// <summary>Gets why the link failed.</summary>
    public DockConnectionFailure Reason { get; }
}
