using System.IO;
using Bodycam.Emulator.Commands;
using Xunit;

namespace Bodycam.Emulator.Tests.Sweeps;

public class SweepCommandTests
{
    [Fact]
    public void Run_SweepOfAShortScenario_PrintsFiguresAndExitsZero()
    {
        string file = RepositoryPaths.TempFile("two-short-recordings.yaml");
        File.WriteAllText(file, SweepScenarios.TwoShortRecordingsText);
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = EmulatorCommandLine.Run(new[] { "sweep", file, "--mode", "unsynced", "--faults", "write-error", "--sample", "3", "--seed", "2" }, output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("unsynced", output.ToString());
        Assert.Contains("write-error", output.ToString());
        Assert.Contains("0 nonce reuses", output.ToString());
        Assert.Contains("0 violations", output.ToString());
    }

    [Theory]
    [InlineData("--mode", "sideways")]
    [InlineData("--faults", "gremlins")]
    [InlineData("--sample", "many")]
    public void Run_BadOption_IsAUsageError(string option, string value)
    {
        var error = new StringWriter();

        int exit = EmulatorCommandLine.Run(new[] { "sweep", "escalation", option, value }, new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains(option, error.ToString());
    }
}
