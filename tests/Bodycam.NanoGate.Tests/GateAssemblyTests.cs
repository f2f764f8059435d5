using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Bodycam.Firmware.NanoGate.Inspector;
using Xunit;

namespace Bodycam.NanoGate.Tests;

/// <summary>
/// The real gate: its built assembly passes the inspection, and it compiles exactly the firmware core's sources
/// outside Board/ (the GPIO board adapter, which needs the GPIO package).
/// </summary>
public class GateAssemblyTests
{
    private static readonly string[] s_excludedFolders = { "Board", "bin", "obj" };

    [Fact]
    public void Gate_BuiltAssembly_PassesInspection()
    {
        InspectionReport report = NanoSubsetInspector.Inspect(NanoFixture.GateAssemblyPath);

        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Findings));
        Assert.Equal("Bodycam.Firmware.Nano.Gate", report.AssemblyName);
    }

    [Fact]
    public void Gate_CompileItems_AreEveryFirmwareSourceOutsideBoard()
    {
        string root = NanoFixture.FirmwareSourceDirectory;
        string[] onDisk = Directory
            .EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !s_excludedFolders.Contains(
                Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar)[0], StringComparer.Ordinal))
            .Select(Path.GetFullPath)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
        string[] inGate = File
            .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "nano", "gate-sources.txt"))
            .Where(line => line.Length > 0)
            .Select(Path.GetFullPath)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();

        Assert.NotEmpty(onDisk);
        Assert.Equal(onDisk, inGate);
    }

    [Fact]
    public void Gate_Types_AreTheFirmwareCoreTypesOutsideBoard()
    {
        // The firmware core (net10.0) and the gate compile the same files; their own types must match one for one,
        // apart from the board layer the gate leaves out.
        string firmwarePath = typeof(Bodycam.Firmware.Hal.IClock).Assembly.Location;
        string[] firmwareTypes = ProjectTypes(firmwarePath)
            .Where(name => !name.StartsWith("Bodycam.Firmware.Board.", StringComparison.Ordinal))
            .ToArray();
        string[] gateTypes = ProjectTypes(NanoFixture.GateAssemblyPath).ToArray();

        Assert.Contains("Bodycam.Firmware.Hal.IClock", gateTypes);
        Assert.Equal(firmwareTypes, gateTypes);
    }

    private static IEnumerable<string> ProjectTypes(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            if (!type.GetDeclaringType().IsNil)
            {
                continue;
            }

            string ns = reader.GetString(type.Namespace);
            if (ns.StartsWith("Bodycam.", StringComparison.Ordinal) || ns == "Bodycam")
            {
                names.Add(ns + "." + reader.GetString(type.Name));
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
