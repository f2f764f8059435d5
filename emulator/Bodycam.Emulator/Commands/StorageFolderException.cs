using System;

namespace Bodycam.Emulator.Commands;

/// <summary>
/// <c>--storage</c> cannot hold a device's storage: the device's folder already holds an earlier run's storage (its
/// recording ids, faults and audit trail would carry over), or the folder is a file or cannot be created. The run
/// refuses it as a usage error (exit 2) and changes nothing in the folder.
/// </summary>
public sealed class StorageFolderException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="StorageFolderException"/> class.</summary>
    /// <param name="folder">The device's storage folder.</param>
    /// <param name="message">What is wrong and what to do, naming the folder.</param>
    public StorageFolderException(string folder, string message)
        : base(message)
    {
        Folder = folder;
    }

    /// <summary>Gets the device's storage folder.</summary>
    public string Folder { get; }
}
