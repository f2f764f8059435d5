namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// Why an assembly could not be inspected.
/// </summary>
public enum InspectionError
{
    /// <summary>The file does not exist.</summary>
    FileNotFound = 1,

    /// <summary>The file is not a PE image with .NET metadata.</summary>
    NotAManagedAssembly = 2,

    /// <summary>The metadata or an IL body could not be decoded.</summary>
    MalformedMetadata = 3,
}
