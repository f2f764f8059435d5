using Bodycam.Emulator.Sweeps;
using Xunit;

namespace Bodycam.Emulator.Tests.Sweeps;

public class ResourceFaultSweepTests
{
    private static readonly CutPointPlan s_plan = new() { LinearLimit = 0, Sample = 10, Seed = 11 };

    [Theory]
    [InlineData(ResourceFault.StorageFull)]
    [InlineData(ResourceFault.WriteError)]
    [InlineData(ResourceFault.CardFills)]
    public void Run_FaultAtSampledOperations_KeepsEarlierDataAndEntersTheDocumentedFault(ResourceFault fault)
    {
        SweepFigures? figures = ResourceFaultSweep.Run(SweepScenarios.TwoShortRecordings(), fault, s_plan);

        Assert.NotNull(figures);
        Assert.Empty(figures.Problems);
        Assert.Equal(figures.CutPoints, figures.CutsReached);
        Assert.Equal(figures.CutsReached, figures.FaultStatesAsDocumented);
        Assert.True(figures.FinishedIdentical > 0);
        Assert.True(figures.InterruptedRecovered > 0);
        Assert.Equal(0, figures.Crashes);
        Assert.Equal(0, figures.NonceReuses);
    }
}
