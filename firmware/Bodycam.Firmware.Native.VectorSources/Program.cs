using System;
using System.IO;

namespace Bodycam.Firmware.Native.VectorSources;

/// <summary>Entry point: <c>VectorSources &lt;tests/vectors folder&gt; &lt;output folder&gt;</c>.</summary>
public static class Program
{
    /// <summary>Writes one C# file per vector suite; exit 0 on success, 1 on a malformed vector file, 2 on usage.</summary>
    /// <param name="args">The vectors folder and the output folder.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 2 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: VectorSources <tests/vectors folder> <output folder>");
            return 2;
        }

        try
        {
            Directory.CreateDirectory(args[1]);
            int total = 0;
            foreach (GeneratedSuite suite in SuiteWriter.WriteAll(args[0]))
            {
                File.WriteAllText(Path.Combine(args[1], suite.ClassName + ".g.cs"), suite.Source);
                total += suite.Count;
            }

            int parts = SuiteWriter.WriteStrings(args[1]);
            Console.WriteLine("VectorSources: " + total + " vector tests and " + parts + " data assemblies written to " + args[1]);
            return 0;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine("VectorSources: " + e.Message);
            return 1;
        }
    }
}
