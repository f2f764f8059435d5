using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Boot;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;

namespace Bodycam.Emulator.Device;

/// <summary>
/// How the emulated board joins the device assembly: the audit trail is mirrored into the timeline, the writer is
/// observed, recovery is logged, and on the device's first boot an unprovisioned device is enrolled as the dock's
/// provision command would do it (the emulator's scenarios start from a provisioned device unless they say
/// otherwise).
/// </summary>
internal sealed class EmulatorAssemblyHooks : IDeviceAssemblyHooks
{
    private readonly EmulatedDevice _device;
    private readonly ObservingRecordingSink _sink;

    /// <summary>Creates the hooks for one boot.</summary>
    /// <param name="device">The device being booted.</param>
    /// <param name="sink">The observing sink that wraps each boot's writer.</param>
    public EmulatorAssemblyHooks(EmulatedDevice device, ObservingRecordingSink sink)
    {
        _device = device;
        _sink = sink;
    }

    /// <inheritdoc />
    public IAuditLog WrapAudit(IAuditLog trail)
    {
        return new TimelineAuditLog(trail, _device);
    }

    /// <inheritdoc />
    public void ProvisioningLoaded(ProvisioningStore provisioning, IAuditLog audit)
    {
        _device.ProvisionAtFirstBoot(provisioning, audit);
    }

    /// <inheritdoc />
    public void RecordingRecovered(string recordingId)
    {
        _device.Log("recording", "recovered " + recordingId);
    }

    /// <inheritdoc />
    public void RecoveryFailed(StorageException error)
    {
        // A failing card must not stop the boot: the core meets the error at its next write and faults
        // (docs/state-machine.md); what recovery could not close stays for the next boot.
        _device.CountBootStorageError();
        _device.Log("storage", "error while booting: " + Names.Kebab(error.Error.ToString()));
    }

    /// <inheritdoc />
    public IRecordingSink WrapRecordings(RecordingWriter writer)
    {
        _sink.Replace(writer);
        return _sink;
    }
}
