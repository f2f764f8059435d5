using System.Reflection;

[assembly: AssemblyVersion("1.0.0.0")]

namespace Bodycam.Firmware.NanoDiff;

/// <summary>Entry point on nanoCLR: runs every comparison scenario with the native component and prints the dumps.</summary>
public static class Program
{
    /// <summary>Runs the scenarios.</summary>
    public static void Main()
    {
        DiffScenarios.RunAll(new NativeDiffBoard());
    }
}
