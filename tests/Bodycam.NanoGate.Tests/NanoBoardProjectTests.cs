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
        // The interop classes (the image's Bodycam.Firmware.Native assembly) and BoardPins.cs use only mscorlib and
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
    public void NanoProject_ProjectFile_ListsEverySourceAndReferencesTheCoreAndNativeAssemblies()
    {
        string project = File.ReadAllText(Path.Combine(NanoProjectDirectory, "Bodycam.Firmware.Nano.nfproj"));
        string[] listed = Regex.Matches(project, "<Compile Include=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value)
            .ToArray();
        string[] own = Directory.GetFiles(NanoProjectDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(NanoProjectDirectory, path).Replace('/', '\\'))
            .ToArray();

        // The application compiles only its own files; core and interop come in as their own assemblies.
        Assert.All(own, file => Assert.Contains(file, listed));
        Assert.All(listed, file => Assert.DoesNotContain("..", file, StringComparison.Ordinal));
        Assert.Contains("<ProjectReference Include=\"Core\\Bodycam.Firmware.Core.nfproj\" />", project, StringComparison.Ordinal);
        Assert.Contains("<ProjectReference Include=\"Native\\Bodycam.Firmware.Native.nfproj\" />", project, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Core/Bodycam.Firmware.Core.nfproj", "Bodycam.Firmware", "..\\..\\Bodycam.Firmware\\**\\*.cs")]
    [InlineData("Native/Bodycam.Firmware.Native.nfproj", "Bodycam.Firmware.Native", "..\\..\\Bodycam.Firmware.Native\\Native*.cs")]
    public void ImageAssemblyProject_LinksItsSourcesUnderItsAssemblyName(string path, string assembly, string sources)
    {
        // nanoCLR binds the interop classes to the C by the assembly's name, so each part of the image is its own
        // assembly with a fixed name, and every source is linked from the one folder that holds it.
        string project = File.ReadAllText(Path.Combine(NanoProjectDirectory, path));

        Assert.Contains("<AssemblyName>" + assembly + "</AssemblyName>", project, StringComparison.Ordinal);
        Assert.Contains("<OutputType>Library</OutputType>", project, StringComparison.Ordinal);
        Assert.Contains("<Compile Include=\"" + sources + "\"", project, StringComparison.Ordinal);
    }

    [Fact]
    public void NanoSolution_OpensTheImagesThreeProjects()
    {
        string solution = File.ReadAllText(Path.Combine(NanoProjectDirectory, "Bodycam.Firmware.Nano.sln"));

        foreach (string project in new[] { "Bodycam.Firmware.Nano.nfproj", "Core\\Bodycam.Firmware.Core.nfproj", "Native\\Bodycam.Firmware.Native.nfproj" })
        {
            string file = Path.Combine(NanoProjectDirectory, project.Replace('\\', Path.DirectorySeparatorChar));
            Assert.Contains("\"" + project + "\"", solution, StringComparison.Ordinal);
            Assert.True(File.Exists(file), file);
        }
    }
}
