using System;
using System.IO;

namespace Bodycam.Firmware.NanoGate.Inspector;

/// <summary>
/// Command line: <c>dotnet Bodycam.Firmware.NanoGate.Inspector.dll ASSEMBLY...</c>. Prints each finding in MSBuild's
/// canonical error format (<c>file: error NANO003: message</c>) so a build that runs it shows the findings as errors.
/// Exit code 0 when every assembly is clean, 1 when anything was found, 2 when an assembly could not be read.
/// </summary>
public static class Program
{
    /// <summary>
    /// Inspects every assembly named on the command line.
    /// </summary>
    /// <param name="args">Paths of built assemblies.</param>
    /// <returns>0 clean, 1 findings, 2 unreadable input or no argument.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Run(args, Console.Out);
    }

    /// <summary>
    /// Inspects every assembly and writes the findings to <paramref name="output"/>.
    /// </summary>
    /// <param name="paths">Paths of built assemblies.</param>
    /// <param name="output">Where findings and the summary are written.</param>
    /// <returns>0 clean, 1 findings, 2 unreadable input or no argument.</returns>
    public static int Run(string[] paths, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        if (paths.Length == 0)
        {
            output.WriteLine("nano-inspect: error NANO000: usage: Bodycam.Firmware.NanoGate.Inspector ASSEMBLY...");
            return 2;
        }

        int exitCode = 0;
        foreach (string path in paths)
        {
            InspectionReport report;
            try
            {
                report = NanoSubsetInspector.Inspect(path);
            }
            catch (InspectionException e)
            {
                output.WriteLine(path + ": error NANO000: " + e.Message);
                exitCode = 2;
                continue;
            }

            foreach (Finding finding in report.Findings)
            {
                output.WriteLine(path + ": error " + finding.Code + ": " + finding.Message);
            }

            if (report.IsClean)
            {
                output.WriteLine("nano-inspect: " + report.AssemblyName + " is inside the nanoFramework subset");
            }
            else
            {
                output.WriteLine(
                    "nano-inspect: " + report.AssemblyName + ": " + report.Findings.Count + " construct(s) nanoFramework cannot run");
                exitCode = Math.Max(exitCode, 1);
            }
        }

        return exitCode;
    }
}
