using System;
using System.Security.Cryptography;
using Bodycam.Sdk.Crypto;

namespace Bodycam.Sdk.Dock;

/// <summary>An Ed25519 signer over a private key held in memory (the SDK's Crypto.Ed25519, RFC 8032).</summary>
public sealed class Ed25519DockSigner : IDockSigner, IDisposable
{
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;

    /// <summary>Initializes a new instance of the <see cref="Ed25519DockSigner"/> class.</summary>
    /// <param name="privateKey">The 32-byte private key (copied; the copy is zeroed on dispose).</param>
    public Ed25519DockSigner(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != Ed25519.PrivateKeySize)
        {
            throw new ArgumentException("An Ed25519 private key has 32 bytes.", nameof(privateKey));
        }

        _privateKey = privateKey.ToArray();
        _publicKey = Ed25519.GetPublicKey(_privateKey);
    }

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    /// <summary>Creates a signer over a fresh random key.</summary>
    /// <returns>The signer.</returns>
    public static Ed25519DockSigner Generate()
    {
        byte[] key = Ed25519.GeneratePrivateKey();
        try
        {
            return new Ed25519DockSigner(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Verifies an Ed25519 signature.</summary>
    /// <param name="publicKey">32-byte public key.</param>
    /// <param name="message">The message.</param>
    /// <param name="signature">64-byte signature.</param>
    /// <returns>True when valid; false for a bad signature or wrongly sized inputs.</returns>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != Ed25519.PublicKeySize || signature.Length != Ed25519.SignatureSize)
        {
            return false;
        }

        return Ed25519.Verify(publicKey, message, signature);
    }

    /// <inheritdoc/>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        return Ed25519.Sign(_privateKey, message);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_privateKey);
    }
}
