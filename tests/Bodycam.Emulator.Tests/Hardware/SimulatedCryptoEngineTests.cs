using System.Security.Cryptography;
using Bodycam.Emulator.Board;
using Xunit;

namespace Bodycam.Emulator.Tests.Hardware;

public class SimulatedCryptoEngineTests
{
    [Fact]
    public void Sha256_BeginUpdateEnd_MatchesSha256AndCountsNoViolation()
    {
        using var engine = new SimulatedCryptoEngine();
        byte[] data = [1, 2, 3];
        byte[] digest = new byte[32];

        engine.Sha256Begin();
        engine.Sha256Update(data, 0, data.Length);
        engine.Sha256End(digest, 0);

        Assert.Equal(SHA256.HashData(data), digest);
        Assert.Equal(0, engine.Sha256ContextViolations);
    }

    [Fact]
    public void Sha256_SecondBeginBeforeEnd_IsCountedAsAViolation()
    {
        using var engine = new SimulatedCryptoEngine();
        byte[] digest = new byte[32];

        engine.Sha256Begin();
        engine.Sha256Begin();
        engine.Sha256End(digest, 0);
        engine.Sha256Update(digest, 0, 1);

        Assert.Equal(2, engine.Sha256ContextViolations);
    }
}
