using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.StateMachine;
using Bodycam.Firmware.Storage;

namespace Bodycam.Firmware.Boot;

/// <summary>
/// The device as <see cref="DeviceBuilder.Build"/> composed it: the core (not booted yet), the stores it was built
/// from and the dock service. The board calls <see cref="DeviceCore.Boot"/>, then runs its loop: frames to
/// <see cref="DeviceCore.OnFrame"/>, <see cref="DeviceCore.Poll"/>, bytes from the dock link to
/// <see cref="DockService.Receive"/> and <see cref="DockService.Poll"/>.
/// </summary>
public sealed class DeviceAssembly
{
    internal DeviceAssembly(
        DeviceCore core,
        AuditTrail auditTrail,
        IAuditLog audit,
        ProvisioningStore provisioning,
        ConfigurationStore configurationStore,
        RecordingStore recordingStore,
        RecordingWriter writer,
        DockService dockService,
        string[] recovered,
        StorageException? recoveryError)
    {
        Core = core;
        AuditTrail = auditTrail;
        Audit = audit;
        Provisioning = provisioning;
        ConfigurationStore = configurationStore;
        RecordingStore = recordingStore;
        Writer = writer;
        DockService = dockService;
        RecoveredRecordingIds = recovered;
        RecoveryError = recoveryError;
    }

    /// <summary>Gets the recording state machine, built from the stored configuration and sized from the budget.</summary>
    public DeviceCore Core { get; }

    /// <summary>Gets the hash-chained, signed audit trail on the storage volume.</summary>
    public AuditTrail AuditTrail { get; }

    /// <summary>Gets the log the core and the dock service append to (the trail, or the board's wrapper of it).</summary>
    public IAuditLog Audit { get; }

    /// <summary>Gets what enrolment gave the device.</summary>
    public ProvisioningStore Provisioning { get; }

    /// <summary>Gets the configuration pushed over the dock (in force from the next boot).</summary>
    public ConfigurationStore ConfigurationStore { get; }

    /// <summary>Gets the recordings on the storage volume.</summary>
    public RecordingStore RecordingStore { get; }

    /// <summary>Gets the encrypted recording writer.</summary>
    public RecordingWriter Writer { get; }

    /// <summary>Gets the device side of the dock protocol on the board's dock channel.</summary>
    public DockService DockService { get; }

    /// <summary>Gets the identifiers of the interrupted recordings boot recovery closed, in order.</summary>
    public string[] RecoveredRecordingIds { get; }

    /// <summary>Gets the storage error that stopped recovery, or null; the core meets the card at its next write.</summary>
    public StorageException? RecoveryError { get; }
}
