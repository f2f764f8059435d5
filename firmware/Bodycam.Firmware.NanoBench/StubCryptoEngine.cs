using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.NanoBench;

/// <summary>
/// A crypto engine that does no cryptographic work (NOT CRYPTOGRAPHY): sealing copies the plaintext and writes a
/// zero tag, hashing and key derivation write zeros, every signature verifies. On the board these run in the
/// hardware engine; stubbing them leaves only the managed work the interpreter does around them.
/// </summary>
public sealed class StubCryptoEngine : ICryptoEngine
{
    /// <inheritdoc/>
    public void AesGcmSeal(
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
        int tagOffset)
    {
        Array.Copy(plaintext, plaintextOffset, ciphertext, ciphertextOffset, count);
        Array.Clear(tag, tagOffset, 16);
    }

    /// <inheritdoc/>
    public void Sha256Begin()
    {
    }

    /// <inheritdoc/>
    public void Sha256Update(byte[] data, int offset, int count)
    {
    }

    /// <inheritdoc/>
    public void Sha256End(byte[] digest, int offset)
    {
        Array.Clear(digest, offset, 32);
    }

    /// <inheritdoc/>
    public void HkdfSha256(byte[] ikm, byte[] salt, byte[] info, byte[] output)
    {
        Array.Clear(output, 0, output.Length);
    }

    /// <inheritdoc/>
    public bool Ed25519Verify(byte[] publicKey, byte[] message, int offset, int count, byte[] signature, int signatureOffset)
    {
        return true;
    }
}
