using System;
using System.Collections.Generic;

namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// The result of inspecting one assembly.
/// </summary>
public sealed class InspectionReport
{
    /// <summary>
    /// Creates a report.
    /// </summary>
    /// <param name="assemblyName">The inspected assembly's simple name.</param>
    /// <param name="findings">Every finding, in metadata order.</param>
    public InspectionReport(string assemblyName, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(assemblyName);
        ArgumentNullException.ThrowIfNull(findings);
        AssemblyName = assemblyName;
        Findings = findings;
    }

    /// <summary>The inspected assembly's simple name.</summary>
    public string AssemblyName { get; }

    /// <summary>Every finding, in metadata order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>True when nothing was found: the assembly stays inside the nanoFramework subset.</summary>
    public bool IsClean => Findings.Count == 0;
}
