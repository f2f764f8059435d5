using System;

namespace Bodycam.Sdk.Export;

/// <summary>An evidence bundle was not made; nothing was left at the bundle's path.</summary>
public sealed class EvidenceBundleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the bundle was not made.</param>
    /// <param name="message">A description for people (never keys or media content).</param>
    public EvidenceBundleException(EvidenceBundleError reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="reason">Why the bundle was not made.</param>
    /// <param name="message">A description for people (never keys or media content).</param>
    /// <param name="inner">The underlying failure.</param>
    public EvidenceBundleException(EvidenceBundleError reason, string message, Exception inner)
        : base(message, inner)
    {
        Reason = reason;
    }

    /// <summary>Why the bundle was not made.</summary>
    public EvidenceBundleError Reason { get; }
}
