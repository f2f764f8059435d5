namespace Bodycam.Firmware.Hal;

/// <summary>
/// The board's crypto engine (hardware AES and SHA-256; host crypto in the emulator). The firmware composes these
/// vetted primitives; it implements none itself. All buffers are caller-owned; no method allocates.
/// </summary>
public interface ICryptoEngine
{
    /// <summary>Seals with AES-256-GCM (NIST SP 800-38D), 12-byte nonce, 16-byte tag.</summary>
    /// <param name="key">32-byte key.</param>
    /// <param name="nonce">12-byte nonce; never used twice with the same key.</param>
    /// <param name="aad">Additional authenticated data.</param>
    /// <param name="aadOffset">First byte of the additional data.</param>
    /// <param name="aadCount">Length of the additional data.</param>
    /// <param name="plaintext">Source buffer.</param>
    /// <param name="plaintextOffset">First byte of the plaintext.</param>
    /// <param name="count">Length of the plaintext (and of the ciphertext).</param>
    /// <param name="ciphertext">Destination buffer for the ciphertext (may be the source buffer at the same offset).</param>
    /// <param name="ciphertextOffset">First byte of the ciphertext.</param>
    /// <param name="tag">Destination buffer for the 16-byte tag.</param>
    /// <param name="tagOffset">First byte of the tag.</param>
    void AesGcmSeal(
        byte[] key,
        byte[] nonce,
        byte[] aad,
        int aadOffset,
        int aadCount,
        byte[] plaintext,
        int plaintextOffset,
        int count,
        byte[] ciphertext,
        int ciphertextOffset,
        byte[] tag,
        int tagOffset);

    /// <summary>
    /// Starts an incremental SHA-256 (FIPS 180-4) computation, discarding any unfinished one. The engine has one
    /// SHA-256 context, as the board's hash unit does. Rule for every caller: a computation begins, is updated and
    /// ends within one call from the board loop into the core (one <c>Poll</c>, one frame, one dock delivery, one
    /// audit append), and nothing in between may start another (no call into code that hashes, such as an audit
    /// append, between <see cref="Sha256Begin"/> and <see cref="Sha256End"/>). A computation that has to span calls
    /// (for example a rehash spread over several polls) must not use this context. Callers today: the recording
    /// writer (header hash, chain links), the recording store (recovery's chain walk), the audit trail (its links)
    /// and the dock service (the confirm-offload rehash), each within one method. An exception between begin and end
    /// (a storage fault) abandons the computation; the next begin discards it.
    /// </summary>
    void Sha256Begin();

    /// <summary>Adds bytes to the SHA-256 computation started by <see cref="Sha256Begin"/>.</summary>
    /// <param name="data">Source buffer.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    void Sha256Update(byte[] data, int offset, int count);

    /// <summary>Finishes the SHA-256 computation and writes the 32-byte digest.</summary>
    /// <param name="digest">Destination buffer.</param>
    /// <param name="offset">First byte of the digest.</param>
    void Sha256End(byte[] digest, int offset);

    /// <summary>HKDF-SHA256 (RFC 5869): extract with the salt, expand with the info.</summary>
    /// <param name="ikm">Input key material.</param>
    /// <param name="salt">Salt (may be empty).</param>
    /// <param name="info">Context label.</param>
    /// <param name="output">Destination buffer; its whole length is filled (at most 255 * 32 bytes).</param>
    void HkdfSha256(byte[] ikm, byte[] salt, byte[] info, byte[] output);

    /// <summary>Verifies an Ed25519 signature (RFC 8032, strict: non-canonical encodings are rejected).</summary>
    /// <param name="publicKey">32-byte public key.</param>
    /// <param name="message">Message buffer.</param>
    /// <param name="offset">First byte of the message.</param>
    /// <param name="count">Length of the message.</param>
    /// <param name="signature">Signature buffer.</param>
    /// <param name="signatureOffset">First byte of the 64-byte signature.</param>
    /// <returns>True when the signature is valid.</returns>
    bool Ed25519Verify(byte[] publicKey, byte[] message, int offset, int count, byte[] signature, int signatureOffset);
}
