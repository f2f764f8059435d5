using Bodycam.Emulator.Board;
using Bodycam.Emulator.Scenarios;

namespace Bodycam.Emulator.Device;

/// <summary>How to build an emulated device.</summary>
public sealed class EmulatedDeviceOptions
{
    /// <summary>The seed every part derives its randomness from.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The device id (in the recording header and burned into JPEG frames).</summary>
    public string DeviceId { get; init; } = "HEE-01";

    /// <summary>The owning municipality.</summary>
    public string Municipality { get; init; } = "heerde";

    /// <summary>Configuration overrides.</summary>
    public DeviceOverrides Overrides { get; init; } = new();

    /// <summary>The camera.</summary>
    public CameraSettings Camera { get; init; } = new();

    /// <summary>A directory to keep the storage in as files; null keeps it in memory.</summary>
    public string? StorageDirectory { get; init; }

    /// <summary>Where <c>offload</c> steps put the copies (a subfolder per device id); null uses a temporary folder.</summary>
    public string? OffloadDirectory { get; init; }

    /// <summary>The municipality's keys (recordings are sealed to its recipient key).</summary>
    public required KeyRing Keys { get; init; }

    /// <summary>Storage capacity when the scenario does not say (32 GB, a typical card).</summary>
    public const long DefaultStorageBytes = 32_000_000_000;

    /// <summary>The RTC's time at start unless the scenario leaves it unset: 2026-11-29T08:00:00Z.</summary>
    public const long DefaultUnixMilliseconds = 1_795_939_200_000;
}
