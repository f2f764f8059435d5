using System;

namespace Bodycam.Sdk.Dock;

/// <summary>What a device reports about itself (the Info command).</summary>
public sealed record DeviceInfo
{
    /// <summary>Gets the device id.</summary>
    public required string DeviceId { get; init; }

    /// <summary>Gets the firmware version.</summary>
    public required string FirmwareVersion { get; init; }

    /// <summary>Gets the device's Ed25519 public key (verifies its recordings and audit trail).</summary>
    public required byte[] DevicePublicKey { get; init; }

    /// <summary>Gets the state code.</summary>
    public required int StateCode { get; init; }

    /// <summary>Gets the state's name.</summary>
    public required string StateName { get; init; }

    /// <summary>Gets the storage in use, in bytes.</summary>
    public required long StorageUsedBytes { get; init; }

    /// <summary>Gets the storage capacity, in bytes.</summary>
    public required long StorageCapacityBytes { get; init; }

    /// <summary>Gets the battery charge in percent.</summary>
    public required int BatteryPercent { get; init; }

    /// <summary>Gets the enrolment state.</summary>
    public required DeviceProvisioningState Provisioning { get; init; }

    /// <summary>Gets the municipality (empty when not provisioned).</summary>
    public required string MunicipalityId { get; init; }

    /// <summary>Gets the number of recipient keys.</summary>
    public required int RecipientCount { get; init; }

    /// <summary>Gets the device's UTC clock, or null when it was never set.</summary>
    public required DateTimeOffset? Clock { get; init; }

    /// <summary>Gets the device's monotonic milliseconds since power-on.</summary>
    public required long MonotonicMilliseconds { get; init; }

    /// <summary>Gets the number of recording files on the device.</summary>
    public required int RecordingFileCount { get; init; }

    /// <summary>Gets the session mode of this link (0 none, 1 authority, 2 dock key).</summary>
    public required int SessionMode { get; init; }

    /// <summary>Gets the session's remaining milliseconds.</summary>
    public required uint SessionRemainingMilliseconds { get; init; }
}
