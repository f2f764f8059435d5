using System;
using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Native;

/// <summary>
/// The device's identity key and its ephemeral X25519 agreements, kept on the native side of the board
/// (firmware/native, hardware-notes.md "Native component"): Ed25519 (RFC 8032) and X25519 (RFC 7748) from libsodium.
/// The identity private key is created or loaded there (enrolment) and never crosses into managed memory; the
/// ephemeral private key of each agreement is drawn from the board's random source, used once and wiped before the
/// call returns. The managed side only moves public keys, messages, signatures and the agreed secret (which the
/// caller zeroes after use).
/// </summary>
/// <remarks>
/// Refusals: a null buffer throws <see cref="ArgumentNullException"/>; a range outside its buffer or a key buffer
/// shorter than 32 bytes <see cref="IndexOutOfRangeException"/> or <see cref="ArgumentException"/>; reading the key or
/// signing before the element holds an identity key throws <see cref="InvalidOperationException"/>. A low-order
/// recipient key yields an all-zero secret, which is passed through for the caller to reject (RFC 7748 section 6.1),
/// as the emulator's element does.
/// </remarks>
public sealed class NativeSecureElement : ISecureElement
{
    /// <summary>Gets a value indicating whether the element holds an identity key (the device was enrolled).</summary>
    public bool HasIdentity => NativeHasIdentity();

    /// <inheritdoc/>
    public void ReadDevicePublicKey(byte[] destination, int offset)
    {
        Require(destination, nameof(destination));
        NativeReadDevicePublicKey(destination, offset);
    }

    /// <inheritdoc/>
    public void Sign(byte[] message, int offset, int count, byte[] signature, int signatureOffset)
    {
        Require(message, nameof(message));
        Require(signature, nameof(signature));
        NativeSign(message, offset, count, signature, signatureOffset);
    }

    /// <inheritdoc/>
    public void AgreeEphemeral(byte[] recipientPublicKey, byte[] ephemeralPublicKey, byte[] sharedSecret)
    {
        Require(recipientPublicKey, nameof(recipientPublicKey));
        Require(ephemeralPublicKey, nameof(ephemeralPublicKey));
        Require(sharedSecret, nameof(sharedSecret));
        NativeAgreeEphemeral(recipientPublicKey, ephemeralPublicKey, sharedSecret);
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
    private static extern bool NativeHasIdentity();

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeReadDevicePublicKey(byte[] destination, int offset);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeSign(byte[] message, int offset, int count, byte[] signature, int signatureOffset);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeAgreeEphemeral(byte[] recipientPublicKey, byte[] ephemeralPublicKey, byte[] sharedSecret);
}
