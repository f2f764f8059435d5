namespace Bodycam.Firmware.Provisioning;

/// <summary>
/// What enrolment in a municipality gave the device: the recipients' X25519 public keys (who can decrypt its
/// recordings) and the authority's Ed25519 public key (who may command it over the dock). Without a recipient the
/// device must not record: nobody could ever decrypt the footage.
/// </summary>
public interface IProvisioning
{
    /// <summary>Gets a value indicating whether the device is enrolled (at least one recipient and an authority key).</summary>
    bool IsProvisioned { get; }

    /// <summary>Gets the municipality the device belongs to (for example "heerde"), or an empty string.</summary>
    string MunicipalityId { get; }

    /// <summary>Gets the number of recipient keys.</summary>
    int RecipientCount { get; }

    /// <summary>Reads a recipient's X25519 public key.</summary>
    /// <param name="index">0 to <see cref="RecipientCount"/> - 1.</param>
    /// <param name="destination">Destination buffer.</param>
    /// <param name="offset">First byte of the 32-byte key.</param>
    void ReadRecipientKey(int index, byte[] destination, int offset);

    /// <summary>Reads the authority's Ed25519 public key.</summary>
    /// <param name="destination">Destination buffer.</param>
    /// <param name="offset">First byte of the 32-byte key.</param>
    void ReadAuthorityKey(byte[] destination, int offset);
}
