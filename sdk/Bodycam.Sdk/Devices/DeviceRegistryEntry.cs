using System;

namespace Bodycam.Sdk.Devices;

/// <summary>One enrolled device: its id, the municipality that owns it, and its Ed25519 public key.</summary>
/// <param name="DeviceId">The device id as the device reports it and writes it in recording headers.</param>
/// <param name="MunicipalityId">The owning municipality's id (lowercase, for example <c>heerde</c>).</param>
/// <param name="PublicKey">The device's 32-byte Ed25519 public key (<c>DevicePublicKey</c> of <c>bodycam device status</c>, proven by the device).</param>
public sealed record DeviceRegistryEntry(string DeviceId, string MunicipalityId, ReadOnlyMemory<byte> PublicKey)
{
    /// <summary>Gets the public key as 64 lowercase hex digits, the way the registry file and the CLI print it.</summary>
    public string PublicKeyHex => Convert.ToHexStringLower(PublicKey.Span);
}
