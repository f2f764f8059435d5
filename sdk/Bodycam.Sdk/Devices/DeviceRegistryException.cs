using System;

namespace Bodycam.Sdk.Devices;

/// <summary>A device registry is not valid; nothing of it is used.</summary>
public sealed class DeviceRegistryException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DeviceRegistryException"/> class.</summary>
    /// <param name="error">Why.</param>
    /// <param name="lineNumber">The 1-based line where it was found (0: the file as a whole).</param>
    /// <param name="message">What failed, for people.</param>
    public DeviceRegistryException(DeviceRegistryError error, int lineNumber, string message)
        : base(lineNumber > 0 ? "line " + lineNumber + ": " + message : message)
    {
        Error = error;
        LineNumber = lineNumber;
    }

    /// <summary>Gets why the registry is not valid.</summary>
    public DeviceRegistryError Error { get; }

    /// <summary>Gets the 1-based line where the error was found, or 0 for the file as a whole.</summary>
    public int LineNumber { get; }
}
