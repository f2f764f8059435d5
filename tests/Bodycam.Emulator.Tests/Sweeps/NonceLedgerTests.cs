using Bodycam.Emulator.Board;
using Bodycam.Emulator.Sweeps;
using Xunit;

namespace Bodycam.Emulator.Tests.Sweeps;

public class NonceLedgerTests
{
    [Fact]
    public void Record_SameFingerprintTwice_CountsOneReuse()
    {
        var ledger = new NonceLedger();
        byte[] fingerprint = new byte[32];
        fingerprint[5] = 9;

        ledger.Record(fingerprint);
        ledger.Record((byte[])fingerprint.Clone());
        ledger.Record(new byte[32]);

        Assert.Equal(3, ledger.Seals);
        Assert.Equal(1, ledger.Reuses);
        Assert.NotNull(ledger.FirstReuse);
    }

    [Fact]
    public void Attach_EngineSealsTwiceUnderOneKeyAndNonce_IsCaught()
    {
        using var engine = new SimulatedCryptoEngine();
        var ledger = new NonceLedger();
        ledger.Attach(engine);
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        byte[] data = new byte[16];
        byte[] tag = new byte[16];

        engine.AesGcmSeal(key, nonce, data, 0, 0, data, 0, 16, new byte[16], 0, tag, 0);
        nonce[11] = 1;
        engine.AesGcmSeal(key, nonce, data, 0, 0, data, 0, 16, new byte[16], 0, tag, 0);
        Assert.Equal(0, ledger.Reuses);
        engine.AesGcmSeal(key, nonce, data, 0, 0, data, 0, 16, new byte[16], 0, tag, 0);

        Assert.Equal(3, ledger.Seals);
        Assert.Equal(1, ledger.Reuses);
    }
}
