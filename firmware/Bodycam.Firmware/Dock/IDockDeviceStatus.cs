namespace Bodycam.Firmware.Dock;

/// <summary>What the device reports about itself in the dock's info answer (the device core on the device).</summary>
public interface IDockDeviceStatus
{
    /// <summary>Gets the device's identifier (ASCII, at most 64 characters, for example "bc-0001").</summary>
    string DeviceId { get; }

    /// <summary>Gets the firmware version (ASCII, at most 64 characters).</summary>
    string FirmwareVersion { get; }

    /// <summary>Gets the state as a number (the device core's state enumeration).</summary>
    int StateCode { get; }

    /// <summary>Gets the state's name (ASCII, for people).</summary>
    string StateName { get; }
}
