using System;

namespace Bodycam.Evidence;

/// <summary>The vault refused an action, or found its data inconsistent; nothing was changed by the refused action.</summary>
public sealed class VaultException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="VaultException"/> class.</summary>
    /// <param name="error">Why.</param>
    /// <param name="message">What to do next, for people (no footage, no key material).</param>
    public VaultException(VaultError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Gets why.</summary>
    public VaultError Error { get; }
}
