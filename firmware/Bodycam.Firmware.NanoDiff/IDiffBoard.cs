using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.NanoDiff;

/// <summary>
/// The parts that differ between the two runs of the byte-for-byte comparison: the emulator's engine, element and
/// seeded random source on net10.0, the native component on nanoCLR. Everything else (the device, its clocks, its
/// storage and the scenario) is the same code.
/// </summary>
public interface IDiffBoard
{
    /// <summary>Gets the crypto engine.</summary>
    ICryptoEngine Crypto { get; }

    /// <summary>Gets the secure element.</summary>
    ISecureElement SecureElement { get; }

    /// <summary>Gets the random source.</summary>
    IRandom Random { get; }

    /// <summary>
    /// Starts a scenario: the random source becomes the SHA-256 counter stream of <paramref name="randomSeed"/>
    /// (block i = SHA-256(seed || i as 8 bytes big-endian)) and the secure element holds the identity key
    /// <paramref name="identitySeed"/> (RFC 8032 private key).
    /// </summary>
    /// <param name="randomSeed">Seed of the random source.</param>
    /// <param name="identitySeed">The 32-byte identity private key.</param>
    void Prepare(byte[] randomSeed, byte[] identitySeed);
}
