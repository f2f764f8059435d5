using System.Collections.Generic;
using System.IO;
using Bodycam.Emulator.Commands;
using Bodycam.Emulator.Scenarios;
using Xunit;

namespace Bodycam.Emulator.Tests.Scenarios;

public class ScenarioLibraryTests
{
    public static IEnumerable<object[]> LibraryFiles()
    {
        foreach (string file in Directory.GetFiles(RepositoryPaths.Scenarios(), "*.yaml"))
        {
            yield return new object[] { Path.GetFileName(file) };
        }
    }

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void Run_LibraryScenario_ExitsZero(string file)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = EmulatorCommandLine.Run(new[] { "run", Path.Combine(RepositoryPaths.Scenarios(), file) }, output, error);

        Assert.True(exit == 0, output + "\n" + error);
    }

    [Fact]
    public void BuiltIns_MatchTheLibraryFolder()
    {
        var files = new List<string>();
        foreach (string file in Directory.GetFiles(RepositoryPaths.Scenarios(), "*.yaml"))
        {
            files.Add(Path.GetFileNameWithoutExtension(file));
        }

        files.Sort(System.StringComparer.Ordinal);

        Assert.Equal(files, BuiltInScenarios.Names());
    }

    [Fact]
    public void Library_CoversTheRequiredSituations()
    {
        IReadOnlyList<string> names = BuiltInScenarios.Names();

        foreach (string required in new[] { "escalation", "accidental-single-press", "stop-hold-too-short", "storage-full-at-trigger", "power-cut-recovery", "battery-critical", "long-recording-continuation", "reminder-cues", "no-audio-in-pre-record", "docking-refused-while-recording" })
        {
            Assert.Contains(required, names);
        }
    }
}
