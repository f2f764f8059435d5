using System;
using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Native;

/// <summary>
/// AES-256-GCM, SHA-256 and HKDF-SHA256 from mbedTLS (on the ESP32-P4 through the ESP-IDF's port to the chip's AES
/// and SHA accelerators) and Ed25519 verification from libsodium, all in the board's native component
/// (firmware/native, hardware-notes.md "Native component"). Managed code never implements a primitive; it only passes
/// buffers, which the native side reads and writes in place (no copy).
/// </summary>
/// <remarks>
/// Refusals, the same as the emulator's engine: a null buffer throws <see cref="ArgumentNullException"/> here; a key
/// other than 32 bytes, a nonce other than 12 bytes or an HKDF output longer than 255 * 32 bytes throws
/// <see cref="ArgumentException"/>, and a range outside its buffer <see cref="IndexOutOfRangeException"/>, from the
/// native side. The native SHA-256 context is the single one <see cref="ICryptoEngine"/> describes: an update or end
/// without a begin throws <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class NativeCryptoEngine : ICryptoEngine
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
        Require(key, nameof(key));
        Require(nonce, nameof(nonce));
        Require(aad, nameof(aad));
        Require(plaintext, nameof(plaintext));
        Require(ciphertext, nameof(ciphertext));
        Require(tag, nameof(tag));
        NativeAesGcmSeal(
            key, nonce, aad, aadOffset, aadCount, plaintext, plaintextOffset, count, ciphertext, ciphertextOffset, tag, tagOffset);
    }

    /// <inheritdoc/>
    public void Sha256Begin()
    {
        NativeSha256Begin();
    }

    /// <inheritdoc/>
    public void Sha256Update(byte[] data, int offset, int count)
    {
        Require(data, nameof(data));
        NativeSha256Update(data, offset, count);
    }

    /// <inheritdoc/>
    public void Sha256End(byte[] digest, int offset)
    {
        Require(digest, nameof(digest));
        NativeSha256End(digest, offset);
    }

    /// <inheritdoc/>
    public void HkdfSha256(byte[] ikm, byte[] salt, byte[] info, byte[] output)
    {
        Require(ikm, nameof(ikm));
        Require(salt, nameof(salt));
        Require(info, nameof(info));
        Require(output, nameof(output));
        NativeHkdfSha256(ikm, salt, info, output);
    }

    /// <inheritdoc/>
    public bool Ed25519Verify(byte[] publicKey, byte[] message, int offset, int count, byte[] signature, int signatureOffset)
    {
        Require(publicKey, nameof(publicKey));
        Require(message, nameof(message));
        Require(signature, nameof(signature));
        return NativeEd25519Verify(publicKey, message, offset, count, signature, signatureOffset);
    }

    // The interop marshaller would turn a null array into a NullReferenceException before the native code runs.
    private static void Require(byte[] buffer, string name)
    {
        if (buffer == null)
        {
            throw new ArgumentNullException(name);
        }
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeAesGcmSeal(
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

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeSha256Begin();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeSha256Update(byte[] data, int offset, int count);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeSha256End(byte[] digest, int offset);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeHkdfSha256(byte[] ikm, byte[] salt, byte[] info, byte[] output);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern bool NativeEd25519Verify(
        byte[] publicKey, byte[] message, int offset, int count, byte[] signature, int signatureOffset);
}
