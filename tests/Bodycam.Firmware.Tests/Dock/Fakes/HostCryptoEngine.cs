using System;
using System.Security.Cryptography;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Tests.Dock.Fakes;

/// <summary>The crypto engine on host primitives (SHA-256, AES-GCM, HKDF from .NET; Ed25519 from BouncyCastle).</summary>
public sealed class HostCryptoEngine : ICryptoEngine
{
    private IncrementalHash? _sha;

    public int Sha256Begins { get; private set; }

    public void AesGcmSeal(byte[] key, byte[] nonce, byte[] aad, int aadOffset, int aadCount, byte[] plaintext, int plaintextOffset, int count, byte[] ciphertext, int ciphertextOffset, byte[] tag, int tagOffset)
    {
        using AesGcm gcm = new(key, 16);
        gcm.Encrypt(nonce, plaintext.AsSpan(plaintextOffset, count), ciphertext.AsSpan(ciphertextOffset, count), tag.AsSpan(tagOffset, 16), aad.AsSpan(aadOffset, aadCount));
    }

    public void Sha256Begin()
    {
        _sha?.Dispose();
        _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Sha256Begins++;
    }

    public void Sha256Update(byte[] data, int offset, int count) => (_sha ?? throw new InvalidOperationException("no hash")).AppendData(data, offset, count);

    public void Sha256End(byte[] digest, int offset)
    {
        IncrementalHash sha = _sha ?? throw new InvalidOperationException("no hash");
        sha.GetHashAndReset(digest.AsSpan(offset, 32));
        sha.Dispose();
        _sha = null;
    }

    public void HkdfSha256(byte[] ikm, byte[] salt, byte[] info, byte[] output) => HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, output, salt, info);

    public bool Ed25519Verify(byte[] publicKey, byte[] message, int offset, int count, byte[] signature, int signatureOffset) =>
        Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Verify(signature, signatureOffset, publicKey, 0, message, offset, count);
}
