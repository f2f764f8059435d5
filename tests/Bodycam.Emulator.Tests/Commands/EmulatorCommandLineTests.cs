using System.IO;
using System.Xml.Linq;
using Bodycam.Emulator.Commands;
using Bodycam.Emulator.Device;
using Xunit;

namespace Bodycam.Emulator.Tests.Commands;

public class EmulatorCommandLineTests
{
    private const string Passing = "version: 1\nname: idle\nsteps:\n  - advance: 5s\n  - expect-state: standby\n";
    private const string Failing = "version: 1\nname: wrong\nsteps:\n  - advance: 5s\n  - expect-state: recording\n";
    private const string Long = "version: 1\nname: long\nsteps:\n  - advance: 1h\n  - expect-state: standby\n";

    [Fact]
    public void Run_NoArguments_RunsEscalationAndPrintsTimeline()
    {
        var output = new StringWriter();

        int exit = EmulatorCommandLine.Run(new string[0], output, new StringWriter());

        string text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("state     recording", text);
        Assert.Contains("cue       recording-started", text);
        Assert.Contains("recordings: 1", text);
        Assert.Contains("passed", text);
    }

    [Fact]
    public void Run_PassingScenario_ExitsZero()
    {
        Assert.Equal(0, Run(Write(Passing), out _));
    }

    [Fact]
    public void Run_FailedExpectation_ExitsOneWithLineTimeExpectedAndActual()
    {
        string file = Write(Failing);

        int exit = Run(file, out string error);

        Assert.Equal(1, exit);
        Assert.Contains(file + ":5: at 00:00:05.000", error);
        Assert.Contains("expected recording, actual standby", error);
    }

    [Fact]
    public void Run_InvalidScenario_ExitsTwoWithLineAndColumn()
    {
        string file = Write("version: 1\nname: bad\nsteps:\n  - advance: 5s\n  - wiggle: 2\n");

        int exit = Run(file, out string error);

        Assert.Equal(2, exit);
        Assert.Contains(file + ":5:5:", error);
        Assert.Contains("unknown step 'wiggle'", error);
    }

    [Fact]
    public void Run_PastTimeout_Exits42()
    {
        var error = new StringWriter();

        int exit = EmulatorCommandLine.Run(new[] { "run", Write(Long), "--timeout", "10m" }, new StringWriter(), error);

        Assert.Equal(42, exit);
        Assert.Contains("timed out", error.ToString());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run x.yaml --devices 0")]
    [InlineData("run x.yaml --timeout soon")]
    [InlineData("run x.yaml --colour")]
    [InlineData("fly")]
    public void Run_BadUsage_ExitsTwo(string commandLine)
    {
        Assert.Equal(2, EmulatorCommandLine.Run(commandLine.Split(' '), new StringWriter(), new StringWriter()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("run")]
    [InlineData("scenarios")]
    [InlineData("live")]
    [InlineData("bench")]
    [InlineData("bench shift")]
    [InlineData("frame")]
    [InlineData("sweep")]
    [InlineData("tamper-sweep")]
    public void Help_EveryCommand_ExitsZeroWithUsageAndOptions(string command)
    {
        var output = new StringWriter();
        string[] args = [.. command.Split(' ', System.StringSplitOptions.RemoveEmptyEntries), "--help"];

        int exit = EmulatorCommandLine.Run(args, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output.ToString());
        Assert.Contains(("bodycam-emu " + command).Trim(), output.ToString());
        Assert.Contains("--help", output.ToString());
    }

    [Fact]
    public void Run_MisspeltOption_SaysSoAndWhereHelpIs()
    {
        var error = new StringWriter();

        int exit = EmulatorCommandLine.Run(new[] { "run", "escalation", "--colour" }, new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("unknown option --colour", error.ToString());
        Assert.Contains("Try 'bodycam-emu --help'.", error.ToString());
    }

    [Fact]
    public void Run_JUnit_WritesWellFormedReportWithCounts()
    {
        string junit = RepositoryPaths.TempFile("report.xml");
        string bad = Write("version: 1\nname: bad\nsteps: [ { fly: 1 } ]\n");

        int exit = EmulatorCommandLine.Run(new[] { "run", Write(Passing), Write(Failing), bad, "--junit", junit }, new StringWriter(), new StringWriter());

        XDocument doc = XDocument.Load(junit);
        XElement suite = doc.Root!.Element("testsuite")!;
        Assert.Equal(2, exit);
        Assert.Equal("3", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Equal("1", suite.Attribute("errors")!.Value);
        Assert.Equal(3, System.Linq.Enumerable.Count(suite.Elements("testcase")));
        Assert.Single(suite.Descendants("failure"));
        Assert.Single(suite.Descendants("error"));
    }

    [Fact]
    public void Run_KeysWrittenWithAnotherPassphrase_ExitsKeyErrorNamingTheVariable()
    {
        // Key files written under a passphrase the emulator is not given (its default is used).
        string keys = Path.GetDirectoryName(RepositoryPaths.TempFile("x"))!;
        using (var pair = Bodycam.Sdk.Keys.KeyPair.Generate(Bodycam.Sdk.Keys.KeyType.Authority))
        {
            Bodycam.Sdk.Keys.PrivateKeyFile.Save(Path.Combine(keys, "heerde.authority.key"), pair, "not the emulator's passphrase", new Bodycam.Sdk.Keys.ScryptParameters(10, 8, 1));
        }

        var error = new StringWriter();
        int exit = EmulatorCommandLine.Run(new[] { "run", Write(Passing), "--keys", keys }, new StringWriter(), error);

        Assert.Equal(EmulatorExitCodes.KeyError, exit);
        Assert.Contains("BODYCAM_EMU_KEY_PASSPHRASE", error.ToString());
    }

    [Fact]
    public void Run_Fleet_GivesEachDeviceItsOwnStorage()
    {
        string storage = Path.GetDirectoryName(RepositoryPaths.TempFile("x"))!;
        string scenario = Write("version: 1\nname: fleet\nsteps:\n  - advance: 5s\n  - press: double\n  - advance: 5s\n  - press: hold 3s\n  - expect-recordings: { count: 1 }\n");

        int exit = EmulatorCommandLine.Run(new[] { "run", scenario, "--devices", "6", "--storage", storage }, new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        foreach (string id in new[] { "HEE-01", "OLD-01", "HAT-01", "HEE-02", "OLD-02", "HAT-02" })
        {
            Assert.Single(Directory.GetFiles(Path.Combine(storage, id), "*.bcr"));
            Assert.True(File.Exists(Path.Combine(storage, id, "audit.log")));
        }
    }

    [Fact]
    public void ParseRun_Folder_AddsItsScenarioFilesInNameOrder()
    {
        string dir = Path.GetDirectoryName(RepositoryPaths.TempFile("x"))!;
        File.WriteAllText(Path.Combine(dir, "b.yaml"), Passing);
        File.WriteAllText(Path.Combine(dir, "a.yaml"), Passing);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "not a scenario");

        RunOptions? options = EmulatorCommandLine.ParseRun(new[] { "run", dir }, new StringWriter());

        Assert.NotNull(options);
        Assert.Equal(new[] { Path.Combine(dir, "a.yaml"), Path.Combine(dir, "b.yaml") }, options!.Scenarios);
    }

    [Fact]
    public void Scenarios_ListsBuiltIns()
    {
        var output = new StringWriter();

        Assert.Equal(0, EmulatorCommandLine.Run(new[] { "scenarios" }, output, new StringWriter()));
        Assert.Contains("escalation", output.ToString());
    }

    private static int Run(string file, out string error)
    {
        var err = new StringWriter();
        int exit = EmulatorCommandLine.Run(new[] { "run", file }, new StringWriter(), err);
        error = err.ToString();
        return exit;
    }

    private static string Write(string yaml)
    {
        string file = RepositoryPaths.TempFile("scenario.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}
