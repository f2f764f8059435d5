using System;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.NanoDiff.Host;

/// <summary>The net10.0 side: the emulator's crypto engine (.NET and BouncyCastle), secure element and random source.</summary>
public sealed class EmulatorDiffBoard : IDiffBoard
{
    private readonly SimulatedCryptoEngine _crypto = new();
    private SimulatedSecureElement? _secureElement;
    private SimulatedRandom? _random;

    /// <inheritdoc/>
    public ICryptoEngine Crypto => _crypto;

    /// <inheritdoc/>
    public ISecureElement SecureElement => _secureElement ?? throw new InvalidOperationException("Prepare first.");

    /// <inheritdoc/>
    public IRandom Random => _random ?? throw new InvalidOperationException("Prepare first.");

    /// <inheritdoc/>
    public void Prepare(byte[] randomSeed, byte[] identitySeed)
    {
        _crypto.Reset();
        _random = new SimulatedRandom(randomSeed);
        _secureElement = new SimulatedSecureElement(identitySeed, _random);
    }
}
