namespace Bodycam.Sdk.Devices;

/// <summary>Why a device registry could not be read (docs/device-registry.md, "Errors").</summary>
public enum DeviceRegistryError
{
    /// <summary>The first line is not <c>bodycam-device-registry 1</c>.</summary>
    MissingHeader = 1,

    /// <summary>The header names a version this library does not know.</summary>
    UnsupportedVersion = 2,

    /// <summary>A line is not a comment, not empty and not a <c>device</c> line with exactly four fields.</summary>
    MalformedLine = 3,

    /// <summary>A device id is empty, longer than 64 characters or has a character outside A-Z a-z 0-9 . _ -.</summary>
    BadDeviceId = 4,

    /// <summary>A municipality id is empty, longer than 64 characters or has a character outside a-z 0-9 -.</summary>
    BadMunicipalityId = 5,

    /// <summary>A public key is not 64 lowercase or uppercase hex digits (32 bytes).</summary>
    BadPublicKey = 6,

    /// <summary>The same device id is listed twice.</summary>
    DuplicateDevice = 7,

    /// <summary>The same public key is listed for two devices.</summary>
    DuplicatePublicKey = 8,

    /// <summary>The file holds a byte outside printable ASCII, a tab or a CR, or is larger than the limit.</summary>
    BadText = 9,
}
