using Bodycam.Emulator.Sweeps;
using Xunit;

namespace Bodycam.Emulator.Tests.Sweeps;

public class PowerCutSweepTests
{
    // Bounded for the suite: both ends of the run logarithmically plus a seeded sample; `bodycam-emu sweep` does all.
    private static readonly CutPointPlan s_plan = new() { LinearLimit = 0, Sample = 12, Seed = 7 };

    [Theory]
    [InlineData(PowerCutMode.WholeWrites)]
    [InlineData(PowerCutMode.TornWrites)]
    [InlineData(PowerCutMode.UnsyncedDropped)]
    public void Run_ShortScenarioSampledCuts_LosesNothingFinishedAndReusesNoNonce(PowerCutMode mode)
    {
        SweepFigures? figures = PowerCutSweep.Run(SweepScenarios.TwoShortRecordings(), mode, s_plan);

        Assert.NotNull(figures);
        Assert.Empty(figures.Problems);
        Assert.True(figures.CutPoints >= 20, figures.CutPoints + " cut points");
        Assert.Equal(figures.CutPoints, figures.CutsReached);
        Assert.True(figures.FinishedIdentical > 0, "no cut fell after a finished recording");
        Assert.True(figures.InterruptedRecovered > 0, "no cut fell inside a recording");
        Assert.Equal(figures.CutsReached, figures.MadeAfterCut);
        Assert.True(figures.Seals > figures.CutsReached);
        Assert.Equal(0, figures.NonceReuses);
        Assert.Equal(0, figures.Crashes);
        Assert.True(figures.AuditRecords > figures.CutsReached);
    }

    [Fact]
    public void Run_TornWrites_CutsTornTailsAndLosesAtMostTheSegmentInFlight()
    {
        SweepFigures? figures = PowerCutSweep.Run(SweepScenarios.TwoShortRecordings(), PowerCutMode.TornWrites, s_plan);

        Assert.NotNull(figures);
        Assert.True(figures.BytesCut > 0, "no torn tail was cut");
        Assert.True(figures.SegmentsLost <= figures.InterruptedRecovered);
    }

    [Fact]
    public void Run_ScenarioWithoutRecording_GivesNothingToSweep()
    {
        var scenario = Bodycam.Emulator.Scenarios.ScenarioParser.Parse("version: 1\nname: idle\nsteps:\n  - advance: 5s\n", "idle.yaml");

        Assert.Null(PowerCutSweep.Run(scenario, PowerCutMode.UnsyncedDropped, s_plan));
    }
}
