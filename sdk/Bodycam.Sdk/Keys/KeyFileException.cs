using System;

namespace Bodycam.Sdk.Keys;

/// <summary>A key file is not valid.</summary>
public class KeyFileException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="KeyFileException"/> class.</summary>
    /// <param name="error">Why.</param>
    /// <param name="message">What failed, for people (no key material).</param>
    public KeyFileException(KeyFileError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Gets why the file is not valid.</summary>
    public KeyFileError Error { get; }
}
