using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Bodycam.Firmware.NanoGate.Inspector;
using Xunit;

namespace Bodycam.NanoGate.Tests;

public class ProgramTests
{
    // MSBuild's canonical error format, which turns each printed finding into a build error.
    private static readonly Regex s_canonicalError = new(@"^.+: error NANO00[1-5]: .+$", RegexOptions.CultureInvariant);

    [Fact]
    public void Run_CleanGateAssembly_ReturnsZeroAndPrintsNoError()
    {
        var output = new StringWriter();

        int exitCode = Program.Run(new[] { NanoFixture.GateAssemblyPath }, output);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("error", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AssemblyWithFindings_PrintsCanonicalErrorsAndReturnsOne()
    {
        // The inspector itself is a net10.0 assembly full of generics: a ready-made failing input.
        string inspectorPath = typeof(NanoSubsetInspector).Assembly.Location;
        var output = new StringWriter();

        int exitCode = Program.Run(new[] { inspectorPath }, output);

        string[] errors = output.ToString().Split(Environment.NewLine).Where(line => s_canonicalError.IsMatch(line)).ToArray();
        Assert.Equal(1, exitCode);
        Assert.NotEmpty(errors);
        Assert.All(errors, line => Assert.StartsWith(inspectorPath + ": error NANO", line, StringComparison.Ordinal));
        Assert.Contains(errors, line => line.Contains("error NANO005: reference to assembly System.", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_MissingFile_ReturnsTwo()
    {
        var output = new StringWriter();

        int exitCode = Program.Run(new[] { Path.Combine(AppContext.BaseDirectory, "missing.dll") }, output);

        Assert.Equal(2, exitCode);
        Assert.Contains("error NANO000: assembly not found", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArgument_ReturnsTwo()
    {
        var output = new StringWriter();

        Assert.Equal(2, Program.Run(Array.Empty<string>(), output));
        Assert.Contains("usage", output.ToString(), StringComparison.Ordinal);
    }
}
