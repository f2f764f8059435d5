namespace Bodycam.Firmware.Configuration;

/// <summary>
/// Tells the configuration store whether a pushed document may be accepted now: only while the device is in its
/// docked state (docs/configuration.md, "On the device"). The board passes the device's state through this, so the
/// store does not depend on the device core.
/// </summary>
public interface IConfigurationGate
{
    /// <summary>Gets a value indicating whether the device is in its docked state.</summary>
    bool AcceptsConfiguration { get; }
}
