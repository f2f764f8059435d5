using System;

namespace Bodycam.Sdk.Keys;

/// <summary>
/// A private key file did not open: the passphrase is wrong (or the encrypted part of the file was altered; AES-GCM
/// cannot tell the two apart).
/// </summary>
public class WrongPassphraseException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WrongPassphraseException"/> class.</summary>
    /// <param name="message">What failed, for people.</param>
    public WrongPassphraseException(string message)
        : base(message)
    {
    }
}
