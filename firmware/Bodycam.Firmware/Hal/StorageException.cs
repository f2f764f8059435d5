using System;

namespace Bodycam.Firmware.Hal;

/// <summary>A storage operation failed.</summary>
public class StorageException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="StorageException"/> class.</summary>
    /// <param name="error">Why it failed.</param>
    /// <param name="message">What failed, for people.</param>
    public StorageException(StorageError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Gets why the operation failed.</summary>
    public StorageError Error { get; }
}
