namespace Bodycam.Sdk.Dock;

/// <summary>
/// What a device tells any host before authentication (the Info command): only what a dock needs to authenticate.
/// Storage, battery and clock are in <see cref="DeviceStatus"/>, behind a session; the device key is
/// <see cref="DockClient.DeviceKey"/>, known only once the device proved it holds it.
/// </summary>
public sealed record DeviceInfo
{
    /// <summary>Gets the device id.</summary>
    public required string DeviceId { get; init; }

    /// <summary>Gets the firmware version.</summary>
    public required string FirmwareVersion { get; init; }

    /// <summary>Gets the state code (docs/dock-protocol.md, "Info": 0 off to 6 fault).</summary>
    public required int StateCode { get; init; }

    /// <summary>Gets the state's name.</summary>
    public required string StateName { get; init; }

    /// <summary>Gets the enrolment state.</summary>
    public required DeviceProvisioningState Provisioning { get; init; }

    /// <summary>Gets the municipality (empty when not provisioned).</summary>
    public required string MunicipalityId { get; init; }

    /// <summary>Gets the session mode of this link (0 none, 1 authority, 2 dock key).</summary>
    public required int SessionMode { get; init; }

    /// <summary>Gets the session's remaining milliseconds.</summary>
    public required uint SessionRemainingMilliseconds { get; init; }
}
