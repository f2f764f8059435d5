using System;
using Bodycam.Firmware.Provisioning;

namespace Bodycam.Emulator.Board;

/// <summary>
/// The provisioning store of an emulated device: its municipality, the recipients' X25519 public keys recordings
/// are sealed to, and the authority's Ed25519 public key. Tests flip <see cref="IsProvisioned"/> to emulate a new device.
/// </summary>
public sealed class SimulatedProvisioning : IProvisioning
{
    private readonly byte[][] _recipients;
    private readonly byte[] _authority;

    /// <summary>Creates a provisioned store.</summary>
    /// <param name="municipalityId">The owning municipality.</param>
    /// <param name="recipientPublicKeys">32-byte X25519 public keys (at least one).</param>
    /// <param name="authorityPublicKey">32-byte Ed25519 public key of the municipality's authority.</param>
    public SimulatedProvisioning(string municipalityId, byte[][] recipientPublicKeys, byte[] authorityPublicKey)
    {
        MunicipalityId = municipalityId ?? throw new ArgumentNullException(nameof(municipalityId));
        ArgumentNullException.ThrowIfNull(recipientPublicKeys);
        ArgumentNullException.ThrowIfNull(authorityPublicKey);
        if (recipientPublicKeys.Length == 0 || Array.Exists(recipientPublicKeys, k => k == null || k.Length != 32) || authorityPublicKey.Length != 32)
        {
            throw new ArgumentException("Provisioning needs at least one 32-byte recipient key and a 32-byte authority key.", nameof(recipientPublicKeys));
        }

        _recipients = recipientPublicKeys;
        _authority = authorityPublicKey;
        IsProvisioned = true;
    }

    /// <inheritdoc />
    public bool IsProvisioned { get; set; }

    /// <inheritdoc />
    public string MunicipalityId { get; }

    /// <inheritdoc />
    public int RecipientCount => IsProvisioned ? _recipients.Length : 0;

    /// <inheritdoc />
    public void ReadRecipientKey(int index, byte[] destination, int offset)
    {
        Array.Copy(_recipients[index], 0, destination, offset, 32);
    }

    /// <inheritdoc />
    public void ReadAuthorityKey(byte[] destination, int offset)
    {
        Array.Copy(_authority, 0, destination, offset, 32);
    }

    /// <summary>Back to provisioned.</summary>
    public void Reset()
    {
        IsProvisioned = true;
    }
}
