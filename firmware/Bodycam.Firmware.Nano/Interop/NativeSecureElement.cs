using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Nano.Interop;

/// <summary>
/// The NXP SE050 secure element on I2C (hardware-notes.md, "Pin map"), reached through NXP's Plug and Trust middleware
/// compiled into the native component: the device's Ed25519 identity key is generated inside the SE050 at enrolment
/// and never leaves it; ephemeral X25519 agreements for the recording's recipients run inside it too. The managed
/// side only moves public values and signatures.
/// </summary>
public sealed class NativeSecureElement : ISecureElement
{
    /// <inheritdoc/>
    public void ReadDevicePublicKey(byte[] destination, int offset)
    {
        NativeReadDevicePublicKey(destination, offset);
    }

    /// <inheritdoc/>
    public void Sign(byte[] message, int offset, int count, byte[] signature, int signatureOffset)
    {
        NativeSign(message, offset, count, signature, signatureOffset);
    }

    /// <inheritdoc/>
    public void AgreeEphemeral(byte[] recipientPublicKey, byte[] ephemeralPublicKey, byte[] sharedSecret)
    {
        NativeAgreeEphemeral(recipientPublicKey, ephemeralPublicKey, sharedSecret);
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeReadDevicePublicKey(byte[] destination, int offset);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeSign(byte[] message, int offset, int count, byte[] signature, int signatureOffset);

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern void NativeAgreeEphemeral(byte[] recipientPublicKey, byte[] ephemeralPublicKey, byte[] sharedSecret);
}
