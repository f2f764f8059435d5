using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>
/// A crypto engine TEST DOUBLE for the shared checks. NOT CRYPTOGRAPHY: "AES-GCM" XORs a keystream derived from key and
/// nonce with <see cref="TestDigest"/> and tags with it; "SHA-256" and "HKDF" are <see cref="TestDigest"/>; an
/// "Ed25519" signature is valid when it equals <see cref="SignatureFor"/> of the public key and message. It exists
/// so that the core's logic runs identically on nanoCLR (which has no crypto engine before the native component
/// lands) and on net10.0; the real primitives are tested against published vectors elsewhere.
/// </summary>
public sealed class DeterministicCryptoEngine : ICryptoEngine
{
    private readonly TestDigest _stream = new TestDigest();
    private readonly TestDigest _scratch = new TestDigest();
    private readonly byte[] _block = new byte[TestDigest.Size];
    private readonly byte[] _counter = new byte[4];

    /// <summary>The 64-byte "signature" this double accepts for a message under a public key.</summary>
    /// <param name="publicKey">32-byte key.</param>
    /// <param name="message">Source.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Length.</param>
    /// <param name="signature">Destination.</param>
    /// <param name="signatureOffset">Where the 64 bytes go.</param>
    public static void SignatureFor(byte[] publicKey, byte[] message, int offset, int count, byte[] signature, int signatureOffset)
    {
        var d = new TestDigest();
        d.Update(publicKey, 0, publicKey.Length);
        d.Update(message, offset, count);
        d.Finish(signature, signatureOffset);
        d.Update(signature, signatureOffset, TestDigest.Size);
        d.Finish(signature, signatureOffset + TestDigest.Size);
    }

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
        int block = -1;
        for (int i = 0; i < count; i++)
        {
            if (i / TestDigest.Size != block)
            {
                block = i / TestDigest.Size;
                _counter[0] = (byte)block;
                _counter[1] = (byte)(block >> 8);
                _counter[2] = (byte)(block >> 16);
                _counter[3] = (byte)(block >> 24);
                _scratch.Update(key, 0, key.Length);
                _scratch.Update(nonce, 0, nonce.Length);
                _scratch.Update(_counter, 0, 4);
                _scratch.Finish(_block, 0);
            }

            ciphertext[ciphertextOffset + i] = (byte)(plaintext[plaintextOffset + i] ^ _block[i % TestDigest.Size]);
        }

        _scratch.Update(key, 0, key.Length);
        _scratch.Update(nonce, 0, nonce.Length);
        _scratch.Update(aad, aadOffset, aadCount);
        _scratch.Update(ciphertext, ciphertextOffset, count);
        _scratch.Finish(_block, 0);
        Array.Copy(_block, 0, tag, tagOffset, 16);
    }

    /// <inheritdoc/>
    public void Sha256Begin()
    {
        _stream.Reset();
    }

    /// <inheritdoc/>
    public void Sha256Update(byte[] data, int offset, int count)
    {
        _stream.Update(data, offset, count);
    }

    /// <inheritdoc/>
    public void Sha256End(byte[] digest, int offset)
    {
        _stream.Finish(digest, offset);
    }

    /// <inheritdoc/>
    public void HkdfSha256(byte[] ikm, byte[] salt, byte[] info, byte[] output)
    {
        int done = 0;
        int round = 0;
        while (done < output.Length)
        {
            _counter[0] = (byte)round++;
            _scratch.Update(ikm, 0, ikm.Length);
            _scratch.Update(salt, 0, salt.Length);
            _scratch.Update(info, 0, info.Length);
            _scratch.Update(_counter, 0, 1);
            _scratch.Finish(_block, 0);
            int n = output.Length - done < TestDigest.Size ? output.Length - done : TestDigest.Size;
            Array.Copy(_block, 0, output, done, n);
            done += n;
        }
    }

    /// <inheritdoc/>
    public bool Ed25519Verify(byte[] publicKey, byte[] message, int offset, int count, byte[] signature, int signatureOffset)
    {
        byte[] expected = new byte[64];
        SignatureFor(publicKey, message, offset, count, expected, 0);
        int difference = 0;
        for (int i = 0; i < 64; i++)
        {
            difference |= expected[i] ^ signature[signatureOffset + i];
        }

        return difference == 0;
    }
}
