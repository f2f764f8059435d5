using System;
using System.Security.Cryptography;
using Bodycam.Sdk.Crypto;

namespace Bodycam.Sdk.Keys;

/// <summary>
/// A municipality key pair: an X25519 recipient key or an Ed25519 authority key. Holds the private key in memory
/// until <see cref="Erase"/> (or <see cref="Dispose"/>) zeroes it.
/// </summary>
public sealed class KeyPair : IDisposable
{
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;
    private bool _erased;

    private KeyPair(KeyType type, byte[] privateKey)
    {
        Type = type;
        _privateKey = privateKey;
        _publicKey = type == KeyType.Recipient ? X25519.GetPublicKey(privateKey) : Ed25519.GetPublicKey(privateKey);
    }

    /// <summary>Gets the key type.</summary>
    public KeyType Type { get; }

    /// <summary>Gets a copy of the 32-byte public key.</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>Gets the 32-byte private key (valid until <see cref="Erase"/>).</summary>
    /// <exception cref="ObjectDisposedException">The key was erased.</exception>
    public ReadOnlySpan<byte> PrivateKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(_erased, this);
            return _privateKey;
        }
    }

    /// <summary>Generates a key pair from the operating system's random source.</summary>
    /// <param name="type">The key type.</param>
    /// <returns>The key pair.</returns>
    public static KeyPair Generate(KeyType type)
    {
        CheckType(type);
        return new KeyPair(type, RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>Builds a key pair from a private key (copied).</summary>
    /// <param name="type">The key type.</param>
    /// <param name="privateKey">The 32-byte private key.</param>
    /// <returns>The key pair.</returns>
    public static KeyPair FromPrivateKey(KeyType type, ReadOnlySpan<byte> privateKey)
    {
        CheckType(type);
        if (privateKey.Length != 32)
        {
            throw new ArgumentException("Private keys are 32 bytes.", nameof(privateKey));
        }

        return new KeyPair(type, privateKey.ToArray());
    }

    /// <summary>Zeroes the private key; the pair can no longer be used for private operations.</summary>
    public void Erase()
    {
        CryptographicOperations.ZeroMemory(_privateKey);
        _erased = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Erase();
    }

    private static void CheckType(KeyType type)
    {
        if (type is not KeyType.Recipient and not KeyType.Authority and not KeyType.Dock and not KeyType.Actor)
        {
            throw new ArgumentOutOfRangeException(nameof(type));
        }
    }
}
