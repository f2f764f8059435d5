using Bodycam.Emulator.Board;
using Xunit;

namespace Bodycam.Emulator.Tests.Hardware;

public class SimulatedRandomTests
{
    [Fact]
    public void Fill_SameSeed_SameBytesWhateverTheChunking()
    {
        byte[] a = new byte[100];
        byte[] b = new byte[100];
        var ra = new SimulatedRandom(42);
        var rb = new SimulatedRandom(42);

        ra.Fill(a, 0, 100);
        rb.Fill(b, 0, 7);
        rb.Fill(b, 7, 93);

        Assert.Equal(a, b);
        Assert.Equal(100, ra.BytesProduced);
    }

    [Fact]
    public void Fill_OtherSeed_OtherBytes()
    {
        byte[] a = new byte[32];
        byte[] b = new byte[32];

        new SimulatedRandom(1).Fill(a, 0, 32);
        new SimulatedRandom(2).Fill(b, 0, 32);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Reset_RestartsTheSequence()
    {
        var r = new SimulatedRandom(5);
        byte[] first = new byte[40];
        byte[] again = new byte[40];
        r.Fill(first, 0, 40);

        r.Reset();
        r.Fill(again, 0, 40);

        Assert.Equal(first, again);
    }
}
