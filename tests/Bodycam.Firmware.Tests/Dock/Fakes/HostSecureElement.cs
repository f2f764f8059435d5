using System;
using Bodycam.Firmware.Hal;
using Org.BouncyCastle.Math.EC.Rfc7748;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Bodycam.Firmware.Tests.Dock.Fakes;

/// <summary>A secure element double with a device key derived from a seed.</summary>
public sealed class HostSecureElement : ISecureElement
{
    private readonly byte[] _privateKey = new byte[32];
    private readonly byte[] _publicKey = new byte[32];
    private readonly Random _random;

    public HostSecureElement(int seed)
    {
        _random = new Random(seed);
        _random.NextBytes(_privateKey);
        Ed25519.GeneratePublicKey(_privateKey, 0, _publicKey, 0);
    }

    public byte[] PublicKey => (byte[])_publicKey.Clone();

    public void ReadDevicePublicKey(byte[] destination, int offset) => Array.Copy(_publicKey, 0, destination, offset, 32);

    public void Sign(byte[] message, int offset, int count, byte[] signature, int signatureOffset) =>
        Ed25519.Sign(_privateKey, 0, message, offset, count, signature, signatureOffset);

    public void AgreeEphemeral(byte[] recipientPublicKey, byte[] ephemeralPublicKey, byte[] sharedSecret)
    {
        byte[] ephemeral = new byte[32];
        _random.NextBytes(ephemeral);
        X25519.ScalarMultBase(ephemeral, 0, ephemeralPublicKey, 0);
        X25519.CalculateAgreement(ephemeral, 0, recipientPublicKey, 0, sharedSecret, 0);
        Array.Clear(ephemeral);
    }
}
