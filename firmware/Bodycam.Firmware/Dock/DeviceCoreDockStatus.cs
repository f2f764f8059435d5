using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.StateMachine;

namespace Bodycam.Firmware.Dock;

/// <summary>
/// The device core's state, and the device's identity, for the dock's hello and info answers; also the gate that lets
/// the configuration store accept a pushed document only in the docked state.
/// </summary>
public sealed class DeviceCoreDockStatus : IDockDeviceStatus, IConfigurationGate
{
    private readonly DeviceCore _core;

    /// <summary>Initializes a new instance of the <see cref="DeviceCoreDockStatus"/> class.</summary>
    /// <param name="core">The device core.</param>
    /// <param name="deviceId">The device id (from the board's identity, ASCII, at most 64 characters).</param>
    /// <param name="firmwareVersion">The firmware version.</param>
    public DeviceCoreDockStatus(DeviceCore core, string deviceId, string firmwareVersion)
    {
        _core = core;
        DeviceId = deviceId;
        FirmwareVersion = firmwareVersion;
    }

    /// <inheritdoc/>
    public string DeviceId { get; }

    /// <inheritdoc/>
    public string FirmwareVersion { get; }

    /// <inheritdoc/>
    public bool AcceptsConfiguration => _core.State == DeviceState.Docked;

    /// <inheritdoc/>
    public int StateCode => (int)_core.State;

    /// <inheritdoc/>
    public string StateName
    {
        get
        {
            // Enum names are not available at run time on nanoFramework; spelled out here.
            switch (_core.State)
            {
                case DeviceState.Booting:
                    return "booting";
                case DeviceState.Standby:
                    return "standby";
                case DeviceState.Recording:
                    return "recording";
                case DeviceState.Finalizing:
                    return "finalizing";
                case DeviceState.Docked:
                    return "docked";
                case DeviceState.Fault:
                    return "fault";
                default:
                    return "off";
            }
        }
    }
}
