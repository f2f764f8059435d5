using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.Boot;

/// <summary>
/// Optional points where a board that observes the device (the emulator's timeline, the differential trace) joins
/// <see cref="DeviceBuilder.Build"/>. The reference board passes none. A hook must not change what the device does:
/// a wrapper forwards every call unchanged.
/// </summary>
public interface IDeviceAssemblyHooks
{
    /// <summary>Lets the board wrap the audit trail the core and the dock service append to.</summary>
    /// <param name="trail">The opened, signed trail.</param>
    /// <returns>The log to use: <paramref name="trail"/> itself or a wrapper that forwards to it first.</returns>
    IAuditLog WrapAudit(IAuditLog trail);

    /// <summary>Called once provisioning is loaded, before the configuration and the writer are built.</summary>
    /// <param name="provisioning">The loaded store.</param>
    /// <param name="audit">The log <see cref="WrapAudit"/> returned.</param>
    void ProvisioningLoaded(ProvisioningStore provisioning, IAuditLog audit);

    /// <summary>Called for each interrupted recording boot recovery closed (after its audit record).</summary>
    /// <param name="recordingId">The recording's identifier.</param>
    void RecordingRecovered(string recordingId);

    /// <summary>Called when recovery stopped with a storage error; the boot goes on (see <see cref="DeviceBuilder"/>).</summary>
    /// <param name="error">The error.</param>
    void RecoveryFailed(StorageException error);

    /// <summary>Lets the board wrap the recording writer the core hands frames and markers to.</summary>
    /// <param name="writer">The encrypted writer.</param>
    /// <returns>The sink to use: <paramref name="writer"/> itself or a wrapper that forwards to it.</returns>
    IRecordingSink WrapRecordings(RecordingWriter writer);
}
