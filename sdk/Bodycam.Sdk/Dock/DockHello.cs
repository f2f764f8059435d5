namespace Bodycam.Sdk.Dock;

/// <summary>The device's answer to hello.</summary>
/// <param name="ProtocolVersion">The negotiated protocol version.</param>
/// <param name="MaxRequestPayload">Largest request payload the device takes.</param>
/// <param name="MaxResponsePayload">Largest response payload the device sends.</param>
/// <param name="DeviceId">The device id.</param>
/// <param name="FirmwareVersion">The firmware version.</param>
public sealed record DockHello(byte ProtocolVersion, int MaxRequestPayload, int MaxResponsePayload, string DeviceId, string FirmwareVersion);
