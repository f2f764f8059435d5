using System;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Checks.Doubles;

/// <summary>
/// A secure element TEST DOUBLE. NOT CRYPTOGRAPHY: its public key is <see cref="TestDigest"/> of a seed, its
/// signatures are what <see cref="DeterministicCryptoEngine.Ed25519Verify"/> accepts, its key agreement returns
/// ephemeral shares from a counter. See <see cref="DeterministicCryptoEngine"/> for why it exists.
/// </summary>
public sealed class DeterministicSecureElement : ISecureElement
{
    private readonly byte[] _publicKey = new byte[32];
    private int _ephemeral;

    /// <summary>Initializes a new instance of the <see cref="DeterministicSecureElement"/> class.</summary>
    /// <param name="seed">Distinguishes devices.</param>
    public DeterministicSecureElement(string seed)
    {
        TestDigest.Of(Ascii(seed), null, _publicKey);
    }

    /// <summary>Gets a copy of the device public key.</summary>
    public byte[] PublicKey
    {
        get
        {
            byte[] copy = new byte[32];
            Array.Copy(_publicKey, copy, 32);
            return copy;
        }
    }

    /// <summary>ASCII bytes of a string (nano has no Encoding in mscorlib).</summary>
    /// <param name="value">The string.</param>
    /// <returns>Its bytes.</returns>
    public static byte[] Ascii(string value)
    {
        byte[] bytes = new byte[value.Length];
        for (int i = 0; i < value.Length; i++)
        {
            bytes[i] = (byte)value[i];
        }

        return bytes;
    }

    /// <inheritdoc/>
    public void ReadDevicePublicKey(byte[] destination, int offset)
    {
        Array.Copy(_publicKey, 0, destination, offset, 32);
    }

    /// <inheritdoc/>
    public void Sign(byte[] message, int offset, int count, byte[] signature, int signatureOffset)
    {
        DeterministicCryptoEngine.SignatureFor(_publicKey, message, offset, count, signature, signatureOffset);
    }

    /// <inheritdoc/>
    public void AgreeEphemeral(byte[] recipientPublicKey, byte[] ephemeralPublicKey, byte[] sharedSecret)
    {
        byte[] counter = new byte[] { (byte)_ephemeral, (byte)(_ephemeral >> 8), 0x45 };
        _ephemeral++;
        TestDigest.Of(_publicKey, counter, ephemeralPublicKey);
        TestDigest.Of(recipientPublicKey, ephemeralPublicKey, sharedSecret);
    }
}
