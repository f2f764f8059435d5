using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Native;
using Bodycam.Firmware.Native.Posix;

namespace Bodycam.Firmware.NanoDiff;

/// <summary>The nanoCLR side: the native component's engine and element, and the posix board's seeded random source.</summary>
public sealed class NativeDiffBoard : IDiffBoard
{
    /// <inheritdoc/>
    public ICryptoEngine Crypto { get; } = new NativeCryptoEngine();

    /// <inheritdoc/>
    public ISecureElement SecureElement { get; } = new NativeSecureElement();

    /// <inheritdoc/>
    public IRandom Random { get; } = new NativeRandom();

    /// <inheritdoc/>
    public void Prepare(byte[] randomSeed, byte[] identitySeed)
    {
        PosixBoard.SeedRandom(randomSeed);
        PosixBoard.InstallIdentity(identitySeed);
    }
}
