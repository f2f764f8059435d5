using System;

namespace Bodycam.Sdk.Dock;

/// <summary>A device's challenge and the session values an answer is bound to.</summary>
/// <param name="Challenge">The 32 random bytes.</param>
/// <param name="DeviceId">The device id.</param>
/// <param name="MunicipalityId">The device's municipality.</param>
/// <param name="SessionLifetimeMilliseconds">The session lifetime the device announced.</param>
/// <param name="ProtocolVersion">The negotiated protocol version.</param>
public sealed record DockChallenge(ReadOnlyMemory<byte> Challenge, string DeviceId, string MunicipalityId, uint SessionLifetimeMilliseconds, byte ProtocolVersion);
