using System;
using System.Security.Cryptography;
using Rfc7748 = Org.BouncyCastle.Math.EC.Rfc7748;

namespace Bodycam.Sdk.Crypto;

/// <summary>X25519 key agreement (RFC 7748) on BouncyCastle.</summary>
public static class X25519
{
    /// <summary>The size of private keys, public keys and shared secrets in bytes.</summary>
    public const int KeySize = 32;

    /// <summary>Generates a private key from the operating system's random source.</summary>
    /// <returns>A 32-byte private key.</returns>
    public static byte[] GeneratePrivateKey()
    {
        return RandomNumberGenerator.GetBytes(KeySize);
    }

    /// <summary>Computes the public key of a private key.</summary>
    /// <param name="privateKey">32-byte private key.</param>
    /// <returns>The 32-byte public key.</returns>
    public static byte[] GetPublicKey(ReadOnlySpan<byte> privateKey)
    {
        CheckSize(privateKey, nameof(privateKey));
        byte[] k = privateKey.ToArray();
        byte[] pub = new byte[KeySize];
        try
        {
            Rfc7748.X25519.ScalarMultBase(k, 0, pub, 0);
            return pub;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(k);
        }
    }

    /// <summary>
    /// Computes the shared secret. Fails on an all-zero result (a low-order peer key, RFC 7748 section 6.1).
    /// </summary>
    /// <param name="privateKey">Our 32-byte private key.</param>
    /// <param name="peerPublicKey">The peer's 32-byte public key.</param>
    /// <returns>The 32-byte shared secret (the caller zeroes it after use).</returns>
    /// <exception cref="CryptographicException">The peer key is of low order.</exception>
    public static byte[] Agree(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> peerPublicKey)
    {
        if (!TryAgree(privateKey, peerPublicKey, out byte[] shared))
        {
            throw new CryptographicException("X25519 agreement gave the all-zero value (low-order public key).");
        }

        return shared;
    }

    /// <summary>Computes the shared secret; false on an all-zero result.</summary>
    /// <param name="privateKey">Our 32-byte private key.</param>
    /// <param name="peerPublicKey">The peer's 32-byte public key.</param>
    /// <param name="sharedSecret">The shared secret (all zero when false).</param>
    /// <returns>True when the secret is usable.</returns>
    public static bool TryAgree(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> peerPublicKey, out byte[] sharedSecret)
    {
        CheckSize(privateKey, nameof(privateKey));
        CheckSize(peerPublicKey, nameof(peerPublicKey));
        byte[] k = privateKey.ToArray();
        byte[] u = peerPublicKey.ToArray();
        sharedSecret = new byte[KeySize];
        try
        {
            Rfc7748.X25519.ScalarMult(k, 0, u, 0, sharedSecret, 0);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(k);
        }

        int acc = 0;
        foreach (byte b in sharedSecret)
        {
            acc |= b;
        }

        return acc != 0;
    }

    private static void CheckSize(ReadOnlySpan<byte> key, string name)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException("X25519 keys are 32 bytes.", name);
        }
    }
}
