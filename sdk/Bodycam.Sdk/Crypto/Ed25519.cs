using System;
using System.Security.Cryptography;
using Rfc8032 = Org.BouncyCastle.Math.EC.Rfc8032;

namespace Bodycam.Sdk.Crypto;

/// <summary>Ed25519 signatures (RFC 8032, pure variant) on BouncyCastle.</summary>
public static class Ed25519
{
    /// <summary>The size of a private key (seed) in bytes.</summary>
    public const int PrivateKeySize = 32;

    /// <summary>The size of a public key in bytes.</summary>
    public const int PublicKeySize = 32;

    /// <summary>The size of a signature in bytes.</summary>
    public const int SignatureSize = 64;

    /// <summary>Generates a private key (seed) from the operating system's random source.</summary>
    /// <returns>A 32-byte private key.</returns>
    public static byte[] GeneratePrivateKey()
    {
        return RandomNumberGenerator.GetBytes(PrivateKeySize);
    }

    /// <summary>Computes the public key of a private key.</summary>
    /// <param name="privateKey">32-byte private key (seed).</param>
    /// <returns>The 32-byte public key.</returns>
    public static byte[] GetPublicKey(ReadOnlySpan<byte> privateKey)
    {
        byte[] sk = CopyKey(privateKey, PrivateKeySize, nameof(privateKey));
        byte[] pk = new byte[PublicKeySize];
        try
        {
            Rfc8032.Ed25519.GeneratePublicKey(sk, 0, pk, 0);
            return pk;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sk);
        }
    }

    /// <summary>Signs a message.</summary>
    /// <param name="privateKey">32-byte private key (seed).</param>
    /// <param name="message">The message.</param>
    /// <returns>The 64-byte signature.</returns>
    public static byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message)
    {
        byte[] sk = CopyKey(privateKey, PrivateKeySize, nameof(privateKey));
        byte[] m = message.ToArray();
        byte[] sig = new byte[SignatureSize];
        try
        {
            Rfc8032.Ed25519.Sign(sk, 0, m, 0, m.Length, sig, 0);
            return sig;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sk);
        }
    }

    /// <summary>Verifies a signature (non-canonical encodings are rejected).</summary>
    /// <param name="publicKey">32-byte public key.</param>
    /// <param name="message">The message.</param>
    /// <param name="signature">The 64-byte signature.</param>
    /// <returns>True when valid.</returns>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        byte[] m = message.ToArray();
        return Rfc8032.Ed25519.Verify(signature.ToArray(), 0, publicKey.ToArray(), 0, m, 0, m.Length);
    }

    private static byte[] CopyKey(ReadOnlySpan<byte> key, int size, string name)
    {
        if (key.Length != size)
        {
            throw new ArgumentException("Ed25519 keys are 32 bytes.", name);
        }

        return key.ToArray();
    }
}
