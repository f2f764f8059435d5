using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Bodycam.Firmware.NanoGate.Inspector;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Bodycam.NanoGate.Tests;

/// <summary>
/// Compiles fixture sources with Roslyn, in memory, and runs the gate's inspection on the result.
/// </summary>
internal static class NanoFixture
{
    private static readonly Lazy<MetadataReference> s_nanoMscorlib = new(() =>
        MetadataReference.CreateFromFile(NanoMscorlibPath));

    /// <summary>nanoFramework.CoreLibrary's mscorlib.dll, copied next to the tests by the project file.</summary>
    public static string NanoMscorlibPath => Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.dll");

    /// <summary>The gate's built assembly (the build hands its path over as assembly metadata).</summary>
    public static string GateAssemblyPath => Metadata("NanoGateAssembly");

    /// <summary>The firmware core's source folder.</summary>
    public static string FirmwareSourceDirectory => Metadata("FirmwareSourceDirectory");

    /// <summary>Compiles <paramref name="source"/> against nanoFramework's mscorlib alone (plus any extra reference) and inspects it.</summary>
    public static InspectionReport InspectNano(string source, params MetadataReference[] extraReferences)
    {
        var references = new List<MetadataReference> { s_nanoMscorlib.Value };
        references.AddRange(extraReferences);
        return Inspect(Compile("Fixture", source, references));
    }

    /// <summary>Compiles <paramref name="source"/> against the running .NET's own assemblies and inspects it.</summary>
    public static InspectionReport InspectDotNet(string source)
    {
        string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        string[] wanted = { "System.Private.CoreLib.dll", "System.Runtime.dll", "System.Collections.dll" };
        MetadataReference[] references = trusted
            .Where(path => wanted.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase))
            .DistinctBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
        Assert.Equal(wanted.Length, references.Length);
        return Inspect(Compile("Fixture", source, references));
    }

    /// <summary>Compiles source files against nanoFramework's mscorlib and extra references; returns the inspection.</summary>
    public static InspectionReport InspectNanoFiles(string assemblyName, IEnumerable<string> paths, params MetadataReference[] extraReferences)
    {
        var references = new List<MetadataReference> { s_nanoMscorlib.Value };
        references.AddRange(extraReferences);
        CSharpParseOptions options = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree[] trees = paths
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, path))
            .ToArray();
        return Inspect(Compile(assemblyName, trees, references));
    }

    /// <summary>Compiles <paramref name="source"/> against exactly <paramref name="references"/> and inspects it.</summary>
    public static InspectionReport InspectWith(string source, params MetadataReference[] references)
    {
        return Inspect(Compile("Fixture", source, references));
    }

    /// <summary>Compiles a library against exactly <paramref name="references"/> (none: it is its own core library).</summary>
    public static MetadataReference Library(string assemblyName, string source, params MetadataReference[] references)
    {
        return MetadataReference.CreateFromImage(Compile(assemblyName, source, references));
    }

    /// <summary>Compiles a library against nanoFramework's mscorlib, for use as an extra reference.</summary>
    public static MetadataReference NanoLibrary(string assemblyName, string source)
    {
        byte[] image = Compile(assemblyName, source, new[] { s_nanoMscorlib.Value });
        return MetadataReference.CreateFromImage(image);
    }

    private static InspectionReport Inspect(byte[] image)
    {
        using var stream = new MemoryStream(image);
        return NanoSubsetInspector.Inspect(stream, "fixture");
    }

    private static byte[] Compile(string assemblyName, string source, IEnumerable<MetadataReference> references)
    {
        return Compile(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references);
    }

    private static byte[] Compile(string assemblyName, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        string errors = string.Join(
            Environment.NewLine,
            result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        if (!result.Success)
        {
            throw new CompileFailure("fixture does not compile:" + Environment.NewLine + errors);
        }

        return stream.ToArray();
    }

    private static string Metadata(string key)
    {
        string? value = typeof(NanoFixture).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value;
        Assert.False(string.IsNullOrEmpty(value), "the test project did not record " + key);
        return value!;
    }
}
