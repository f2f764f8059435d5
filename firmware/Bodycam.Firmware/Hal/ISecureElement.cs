namespace Bodycam.Firmware.Hal;

/// <summary>
/// The secure element (an NXP SE050-class part on I2C, hardware-notes.md): holds the device's Ed25519 identity key,
/// which never leaves it, and computes X25519 agreements with keys it generates internally.
/// </summary>
public interface ISecureElement
{
    /// <summary>Reads the device's Ed25519 public key.</summary>
    /// <param name="destination">Destination buffer.</param>
    /// <param name="offset">First byte of the 32-byte key.</param>
    void ReadDevicePublicKey(byte[] destination, int offset);

    /// <summary>Signs a message with the device identity key (Ed25519, RFC 8032).</summary>
    /// <param name="message">Message buffer.</param>
    /// <param name="offset">First byte of the message.</param>
    /// <param name="count">Length of the message.</param>
    /// <param name="signature">Destination buffer.</param>
    /// <param name="signatureOffset">First byte of the 64-byte signature.</param>
    void Sign(byte[] message, int offset, int count, byte[] signature, int signatureOffset);

    /// <summary>
    /// Generates a fresh ephemeral X25519 key pair inside the element, computes the agreement with a recipient's
    /// public key (RFC 7748), and destroys the ephemeral private key.
    /// </summary>
    /// <param name="recipientPublicKey">32-byte X25519 public key of the recipient.</param>
    /// <param name="ephemeralPublicKey">Receives the 32-byte ephemeral public key.</param>
    /// <param name="sharedSecret">Receives the 32-byte shared secret (the caller zeroes it after use).</param>
    void AgreeEphemeral(byte[] recipientPublicKey, byte[] ephemeralPublicKey, byte[] sharedSecret);
}
