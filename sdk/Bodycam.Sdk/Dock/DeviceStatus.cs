using System;

namespace Bodycam.Sdk.Dock;

/// <summary>What a device reports to an authenticated host (the Status command).</summary>
public sealed record DeviceStatus
{
    /// <summary>Gets the storage in use, in bytes.</summary>
    public required long StorageUsedBytes { get; init; }

    /// <summary>Gets the storage capacity, in bytes.</summary>
    public required long StorageCapacityBytes { get; init; }

    /// <summary>Gets the battery charge in percent.</summary>
    public required int BatteryPercent { get; init; }

    /// <summary>Gets the number of recipient keys.</summary>
    public required int RecipientCount { get; init; }

    /// <summary>Gets the device's UTC clock, or null when it was never set.</summary>
    public required DateTimeOffset? Clock { get; init; }

    /// <summary>Gets the number of recording files on the device.</summary>
    public required int RecordingFileCount { get; init; }
}
