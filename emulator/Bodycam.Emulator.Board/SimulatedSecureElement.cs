using System;
using System.Security.Cryptography;
using Bodycam.Firmware.Hal;
using Org.BouncyCastle.Math.EC.Rfc7748;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Bodycam.Emulator.Board;

/// <summary>
/// A simulated secure element: holds the device's Ed25519 identity key (RFC 8032) and makes ephemeral X25519
/// agreements (RFC 7748) with keys drawn from the board's random source, destroyed right after use.
/// </summary>
public sealed class SimulatedSecureElement : ISecureElement
{
    private readonly byte[] _identitySeed = new byte[Ed25519.SecretKeySize];
    private readonly byte[] _identityPublic = new byte[Ed25519.PublicKeySize];
    private readonly IRandom _random;

    /// <summary>Initializes a new instance of the <see cref="SimulatedSecureElement"/> class.</summary>
    /// <param name="identitySeed">The 32-byte Ed25519 private key (seed) of the device.</param>
    /// <param name="random">The source of ephemeral X25519 keys.</param>
    public SimulatedSecureElement(byte[] identitySeed, IRandom random)
    {
        ArgumentNullException.ThrowIfNull(identitySeed);
        ArgumentNullException.ThrowIfNull(random);
        if (identitySeed.Length != Ed25519.SecretKeySize)
        {
            throw new ArgumentException("The identity seed must be 32 bytes.", nameof(identitySeed));
        }

        Array.Copy(identitySeed, _identitySeed, _identitySeed.Length);
        Ed25519.GeneratePublicKey(_identitySeed, 0, _identityPublic, 0);
        _random = random;
    }

    /// <summary>Initializes a new instance of the <see cref="SimulatedSecureElement"/> class with a seed from a random source.</summary>
    /// <param name="random">The source of the identity key and of ephemeral keys.</param>
    /// <returns>The secure element.</returns>
    public static SimulatedSecureElement Create(IRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        byte[] seed = new byte[Ed25519.SecretKeySize];
        random.Fill(seed, 0, seed.Length);
        try
        {
            return new SimulatedSecureElement(seed, random);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Gets a copy of the device's Ed25519 public key.</summary>
    public byte[] DevicePublicKey => (byte[])_identityPublic.Clone();

    /// <summary>Gets the number of signatures made.</summary>
    public long SignCount { get; private set; }

    /// <summary>
    /// Reads a copy of the identity private key. Only tests use it (to show that the device's own secrets cannot
    /// decrypt a recording); a real secure element never lets it out.
    /// </summary>
    /// <returns>The 32-byte seed.</returns>
    public byte[] ExportIdentitySeedForTests() => (byte[])_identitySeed.Clone();

    /// <inheritdoc/>
    public void ReadDevicePublicKey(byte[] destination, int offset)
    {
        Array.Copy(_identityPublic, 0, destination, offset, _identityPublic.Length);
    }

    /// <inheritdoc/>
    public void Sign(byte[] message, int offset, int count, byte[] signature, int signatureOffset)
    {
        // With the public key held beside the seed, as a secure element keeps it, a signature needs one scalar
        // multiplication instead of two (the seed-only overload derives the public key again for every signature).
        Ed25519.Sign(_identitySeed, 0, _identityPublic, 0, message, offset, count, signature, signatureOffset);
        SignCount++;
    }

    /// <inheritdoc/>
    public void AgreeEphemeral(byte[] recipientPublicKey, byte[] ephemeralPublicKey, byte[] sharedSecret)
    {
        ArgumentNullException.ThrowIfNull(recipientPublicKey);
        byte[] ephemeral = new byte[X25519.ScalarSize];
        try
        {
            _random.Fill(ephemeral, 0, ephemeral.Length);
            X25519.ScalarMultBase(ephemeral, 0, ephemeralPublicKey, 0);

            // A low-order recipient key gives an all-zero secret; the caller must reject it (RFC 7748 section 6.1),
            // so the zeros are passed through rather than hidden here.
            X25519.ScalarMult(ephemeral, 0, recipientPublicKey, 0, sharedSecret, 0);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
        }
    }

    /// <summary>Power-on state: counters cleared; the identity key stays (it is non-volatile).</summary>
    public void Reset()
    {
        SignCount = 0;
    }
}
