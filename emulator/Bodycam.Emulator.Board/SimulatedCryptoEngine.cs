using System;
using System.Security.Cryptography;
using Bodycam.Firmware.Hal;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Bodycam.Emulator.Board;

/// <summary>
/// The board's crypto engine on host crypto: <see cref="AesGcm"/> (AES-NI), <see cref="IncrementalHash"/> for
/// SHA-256, <see cref="HKDF"/> for RFC 5869 and BouncyCastle for Ed25519 verification (RFC 8032).
/// </summary>
public sealed class SimulatedCryptoEngine : ICryptoEngine, IDisposable
{
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _cachedKey = new byte[KeySize];
    private AesGcm? _aes;
    private bool _sha256Open;

    /// <summary>Gets the number of AES-GCM seal operations performed.</summary>
    public long SealCount { get; private set; }

    /// <summary>
    /// Gets how often the single SHA-256 context was misused: a begin while a computation was still open (two
    /// computations interleaved, or one abandoned), or an update or end without a begin. Zero on any run without
    /// injected faults (<see cref="ICryptoEngine"/> states the rule); the wiring tests check it.
    /// </summary>
    public long Sha256ContextViolations { get; private set; }

    /// <summary>
    /// Raised after each seal with SHA-256(key || nonce): a fingerprint of the pair that GCM must never see twice
    /// (NIST SP 800-38D section 8), without handing the key itself to the observer.
    /// </summary>
    public event EventHandler<byte[]>? Sealed;

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
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(nonce);
        if (key.Length != KeySize)
        {
            throw new ArgumentException("AES-256-GCM needs a 32-byte key.", nameof(key));
        }

        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException("AES-GCM here uses a 12-byte nonce.", nameof(nonce));
        }

        // Key schedule setup is the costly part of AesGcm construction; reuse it while the key stays the same.
        if (_aes is null || !CryptographicOperations.FixedTimeEquals(_cachedKey, key))
        {
            _aes?.Dispose();
            _aes = new AesGcm(key, TagSize);
            Array.Copy(key, _cachedKey, KeySize);
        }

        _aes.Encrypt(
            nonce,
            plaintext.AsSpan(plaintextOffset, count),
            ciphertext.AsSpan(ciphertextOffset, count),
            tag.AsSpan(tagOffset, TagSize),
            aad.AsSpan(aadOffset, aadCount));
        SealCount++;
        EventHandler<byte[]>? sealedHandler = Sealed;
        if (sealedHandler is not null)
        {
            Span<byte> pair = stackalloc byte[KeySize + NonceSize];
            key.CopyTo(pair);
            nonce.CopyTo(pair[KeySize..]);
            byte[] fingerprint = SHA256.HashData(pair);
            CryptographicOperations.ZeroMemory(pair);
            sealedHandler(this, fingerprint);
        }
    }

    /// <inheritdoc/>
    public void Sha256Begin()
    {
        Sha256ContextViolations += _sha256Open ? 1 : 0;
        _sha256Open = true;
        DiscardSha256();
    }

    /// <inheritdoc/>
    public void Sha256Update(byte[] data, int offset, int count)
    {
        Sha256ContextViolations += _sha256Open ? 0 : 1;
        _sha256.AppendData(data, offset, count);
    }

    /// <inheritdoc/>
    public void Sha256End(byte[] digest, int offset)
    {
        Sha256ContextViolations += _sha256Open ? 0 : 1;
        _sha256Open = false;
        _sha256.GetHashAndReset(digest.AsSpan(offset, 32));
    }

    /// <inheritdoc/>
    public void HkdfSha256(byte[] ikm, byte[] salt, byte[] info, byte[] output)
    {
        HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, output, salt, info);
    }

    /// <inheritdoc/>
    public bool Ed25519Verify(byte[] publicKey, byte[] message, int offset, int count, byte[] signature, int signatureOffset)
    {
        if (publicKey is null || publicKey.Length != Ed25519.PublicKeySize)
        {
            return false;
        }

        return Ed25519.Verify(signature, signatureOffset, publicKey, 0, message, offset, count);
    }

    /// <summary>Forgets the cached key schedule (the engine's power-on state).</summary>
    public void Reset()
    {
        _aes?.Dispose();
        _aes = null;
        CryptographicOperations.ZeroMemory(_cachedKey);
        _sha256Open = false;
        DiscardSha256();
    }

    private void DiscardSha256()
    {
        // GetHashAndReset leaves the object ready; discard anything unfinished by finishing it into a scratch buffer.
        Span<byte> scratch = stackalloc byte[32];
        _sha256.GetHashAndReset(scratch);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Reset();
        _sha256.Dispose();
    }
}
