namespace Bodycam.Firmware.Configuration;

/// <summary>Why a configuration value or document was rejected.</summary>
public enum ConfigurationError
{
    /// <summary>A value lies outside its allowed range.</summary>
    OutOfRange = 1,

    /// <summary>A configuration document names a key the format does not know (docs/configuration.md).</summary>
    UnknownKey = 2,

    /// <summary>A line is not <c>key=value</c>, or a value is not a number or true/false.</summary>
    Syntax = 3,

    /// <summary>A key appears twice in one document.</summary>
    Duplicate = 4,

    /// <summary>The document does not start with a version line this firmware reads.</summary>
    UnsupportedVersion = 5,

    /// <summary>The document is longer than the format allows.</summary>
    TooLong = 6,

    /// <summary>A document was pushed while the device was not in the dock (or not idle in it).</summary>
    NotDocked = 7,
}
