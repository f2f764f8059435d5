using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Nano.Interop;

/// <summary>
/// AES-256-GCM, SHA-256 and HKDF-SHA256 on the chip's AES and SHA accelerators through the ESP-IDF's mbedTLS port,
/// and Ed25519 verification, all in the board's native component (hardware-notes.md, "Native component"). Managed
/// code never implements a primitive; it only passes buffers. Arguments are checked on the native side, which throws
/// the CLR's ArgumentException family on bad offsets or sizes.
/// </summary>
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
        NativeSha256Update(data, offset, count);
    }

    /// <inheritdoc/>
    public void Sha256End(byte[] digest, int offset)
    {
        NativeSha256End(digest, offset);
    }

    /// <inheritdoc/>
    public void HkdfSha256(byte[] ikm, byte[] salt, byte[] info, byte[] output)
    {
        NativeHkdfSha256(ikm, salt, info, output);
    }

    /// <inheritdoc/>
    public bool Ed25519Verify(byte[] publicKey, byte[] message, int offset, int count, byte[] signature, int signatureOffset)
    {
        return NativeEd25519Verify(publicKey, message, offset, count, signature, signatureOffset);
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
