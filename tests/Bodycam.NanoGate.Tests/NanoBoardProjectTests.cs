using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Bodycam.Firmware.NanoGate.Inspector;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Bodycam.NanoGate.Tests;

/// <summary>
/// What can be checked here of firmware/Bodycam.Firmware.Nano, which only the nanoFramework toolchain builds: its
/// files that need nothing but mscorlib compile against nanoFramework's mscorlib and pass the inspection; every file
/// parses; the project file lists every file and links the core.
/// </summary>
public class NanoBoardProjectTests
{
    private static string NanoProjectDirectory =>
        Path.GetFullPath(Path.Combine(NanoFixture.FirmwareSourceDirectory, "..", "Bodycam.Firmware.Nano"));

    private static string NativeProjectDirectory =>
        Path.GetFullPath(Path.Combine(NanoFixture.FirmwareSourceDirectory, "..", "Bodycam.Firmware.Native"));

    [Fact]
    public void NanoProject_MscorlibOnlyFiles_CompileAgainstNanoMscorlibAndPassInspection()
    {
        // The interop classes the project links from ../Bodycam.Firmware.Native and BoardPins.cs use only mscorlib and
        // the core's HAL; the core comes in as the gate assembly, itself built against nanoFramework's mscorlib.
        // Board/ and Program.cs need the nanoFramework packages.
        string[] files = Directory.GetFiles(NativeProjectDirectory, "Native*.cs")
            .Append(Path.Combine(NanoProjectDirectory, "BoardPins.cs"))
            .ToArray();

        InspectionReport report = NanoFixture.InspectNanoFiles(
            "Bodycam.Firmware.Nano.Interop",
            files,
            MetadataReference.CreateFromFile(NanoFixture.GateAssemblyPath));

        Assert.True(files.Length >= 7, "expected the interop classes and the pin map");
        Assert.DoesNotContain(report.Findings, f => f.Rule != FindingRule.ForeignReference);
        Finding gateReference = Assert.Single(report.Findings);
        Assert.Equal("assembly Bodycam.Firmware.Nano.Gate 0.0.0.0", gateReference.Subject);
    }

    [Fact]
    public void NanoProject_EverySource_ParsesWithoutSyntaxErrors()
    {
        string[] files = Directory.GetFiles(NanoProjectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToArray();

        Assert.NotEmpty(files);
        Assert.All(files, path =>
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(
                File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path);
            Assert.DoesNotContain(tree.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        });
    }

    [Fact]
    public void NanoProject_ProjectFile_ListsEverySourceAndLinksTheCore()
    {
        string project = File.ReadAllText(Path.Combine(NanoProjectDirectory, "Bodycam.Firmware.Nano.nfproj"));
        string[] listed = Regex.Matches(project, "<Compile Include=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value)
            .ToArray();
        string[] own = Directory.GetFiles(NanoProjectDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(NanoProjectDirectory, path).Replace('/', '\\'))
            .ToArray();

        Assert.Contains("..\\Bodycam.Firmware\\**\\*.cs", listed);
        Assert.Contains("..\\Bodycam.Firmware.Native\\Native*.cs", listed);
        Assert.All(own, file => Assert.Contains(file, listed));
    }
}
