using System;
using System.Security.Cryptography;

namespace Bodycam.Sdk.Crypto;

/// <summary>
/// AES-256-GCM (NIST SP 800-38D) with a 12-byte nonce and a 16-byte tag, on
/// <see cref="System.Security.Cryptography.AesGcm"/> (AES-NI where the CPU has it). Holds the key schedule for
/// repeated use; dispose to erase it.
/// </summary>
public sealed class AesGcm256 : IDisposable
{
    /// <summary>The key size in bytes.</summary>
    public const int KeySize = 32;

    /// <summary>The nonce size in bytes.</summary>
    public const int NonceSize = 12;

    /// <summary>The tag size in bytes.</summary>
    public const int TagSize = 16;

    private readonly System.Security.Cryptography.AesGcm _aes;

    /// <summary>Initializes a new instance of the <see cref="AesGcm256"/> class.</summary>
    /// <param name="key">The 32-byte key.</param>
    public AesGcm256(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException("AES-256-GCM needs a 32-byte key.", nameof(key));
        }

        _aes = new System.Security.Cryptography.AesGcm(key, TagSize);
    }

    /// <summary>Seals a message.</summary>
    /// <param name="nonce">12-byte nonce, never used twice with this key.</param>
    /// <param name="plaintext">The plaintext.</param>
    /// <param name="aad">Additional authenticated data.</param>
    /// <param name="ciphertext">Receives the ciphertext (same length as the plaintext).</param>
    /// <param name="tag">Receives the 16-byte tag.</param>
    public void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> aad, Span<byte> ciphertext, Span<byte> tag)
    {
        _aes.Encrypt(nonce, plaintext, ciphertext, tag, aad);
    }

    /// <summary>Opens a sealed message; false (and a cleared output) when the tag does not match.</summary>
    /// <param name="nonce">12-byte nonce.</param>
    /// <param name="ciphertext">The ciphertext.</param>
    /// <param name="tag">The 16-byte tag.</param>
    /// <param name="aad">Additional authenticated data.</param>
    /// <param name="plaintext">Receives the plaintext.</param>
    /// <returns>True when authentic.</returns>
    public bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> aad, Span<byte> plaintext)
    {
        try
        {
            // AesGcm compares the tag in constant time and clears the output on failure.
            _aes.Decrypt(nonce, ciphertext, tag, plaintext, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <summary>Seals with a one-off key.</summary>
    /// <param name="key">The 32-byte key.</param>
    /// <param name="nonce">12-byte nonce.</param>
    /// <param name="plaintext">The plaintext.</param>
    /// <param name="aad">Additional authenticated data.</param>
    /// <returns>Ciphertext followed by the tag.</returns>
    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> aad)
    {
        using var aes = new AesGcm256(key);
        byte[] output = new byte[plaintext.Length + TagSize];
        aes.Seal(nonce, plaintext, aad, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length));
        return output;
    }

    /// <summary>Opens with a one-off key; null when the tag does not match.</summary>
    /// <param name="key">The 32-byte key.</param>
    /// <param name="nonce">12-byte nonce.</param>
    /// <param name="sealedMessage">Ciphertext followed by the tag.</param>
    /// <param name="aad">Additional authenticated data.</param>
    /// <returns>The plaintext, or null.</returns>
    public static byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> sealedMessage, ReadOnlySpan<byte> aad)
    {
        if (sealedMessage.Length < TagSize)
        {
            return null;
        }

        using var aes = new AesGcm256(key);
        int n = sealedMessage.Length - TagSize;
        byte[] plaintext = new byte[n];
        return aes.TryOpen(nonce, sealedMessage[..n], sealedMessage[n..], aad, plaintext) ? plaintext : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _aes.Dispose();
    }
}
