using System;
using System.IO;
using System.Linq;
using Bodycam.Emulator.Commands;
using Bodycam.Emulator.Sweeps;
using Xunit;

namespace Bodycam.Emulator.Tests.Tamper;

public class TamperSweepTests
{
    private static readonly Lazy<TamperSweepReport> s_report = new(() => TamperSweep.Run(new TamperSweepOptions { Positions = 10_000, Seed = 1 }));

    [Fact]
    public void Run_TenThousandFlips_EveryOneDetectedWhereTheRuleSays()
    {
        TamperSweepReport report = s_report.Value;

        Assert.Equal(10_000, report.PositionsFlipped);
        Assert.True(report.MissCount == 0, string.Join(Environment.NewLine, report.Misses));
        Assert.Equal(0, report.Crashes);
    }

    [Fact]
    public void Run_EveryRegion_FlippedAndFullyDetectedInBothModes()
    {
        TamperSweepReport report = s_report.Value;

        Assert.All(report.Regions, r =>
        {
            Assert.True(r.Tried > 0, r.Name + " was never flipped");
            Assert.Equal(r.Tried, r.DetectedByVerify);
            Assert.Equal(r.Tried, r.DetectedByDecrypt);
            Assert.Equal(r.Tried, r.Located);
        });
    }

    [Fact]
    public void Run_EveryStructuralAttack_TriedAndDetected()
    {
        TamperSweepReport report = s_report.Value;

        Assert.Equal(10, report.Attacks.Count);
        Assert.All(report.Attacks, a =>
        {
            Assert.True(a.Tried > 0, a.Name + " was never tried");
            Assert.Equal(a.Tried, a.Located);
        });
    }

    [Fact]
    public void Run_Corpus_HasRecoveredMultiRecipientAndContinuedFiles()
    {
        TamperSweepReport report = s_report.Value;

        Assert.Contains(report.Files, f => f.StartsWith("recovered", StringComparison.Ordinal) && f.Contains("ClosedByRecovery", StringComparison.Ordinal));
        Assert.Contains(report.Files, f => f.StartsWith("multi-recipient", StringComparison.Ordinal));
        Assert.True(report.Files.Count(f => f.StartsWith("continued-", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public void Run_SameSeed_SameFigures()
    {
        TamperSweepReport a = TamperSweep.Run(new TamperSweepOptions { Positions = 300, Seed = 5 });
        TamperSweepReport b = TamperSweep.Run(new TamperSweepOptions { Positions = 300, Seed = 5 });

        Assert.Equal(a.Regions.Select(r => r.Tried), b.Regions.Select(r => r.Tried));
        Assert.Equal(a.Tried, b.Tried);
    }

    [Fact]
    public void Command_SmallSweep_PrintsFiguresAndExitsZero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = EmulatorCommandLine.Run(new[] { "tamper-sweep", "--positions", "200", "--seed", "3" }, output, error);

        Assert.Equal(0, code);
        Assert.Contains("byte flips: 200 positions", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("missed 0, crashes 0", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_BadPositions_IsUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = EmulatorCommandLine.Run(new[] { "tamper-sweep", "--positions", "many" }, output, error);

        Assert.Equal(2, code);
    }
}
