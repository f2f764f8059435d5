using System;

namespace Bodycam.Sdk.Recording;

/// <summary>The recording has no recipient stanza for the given private key: this key cannot decrypt it.</summary>
public class WrongKeyException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WrongKeyException"/> class.</summary>
    /// <param name="message">What failed, for people (no key material).</param>
    public WrongKeyException(string message)
        : base(message)
    {
    }
}
