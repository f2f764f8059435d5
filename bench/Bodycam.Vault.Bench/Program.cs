using System;
using System.Globalization;
using System.IO;

namespace Bodycam.Vault.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Bodycam.Vault.Bench -- intake [--recordings 8] [--seconds 30] [--rounds 3]</c>
/// and <c>-- metadata [--rows 1000000] [--pg "Host=...;Database=...;Username=..."]</c>. Prints figures and the machine
/// load before and after; docs/performance.md records them.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || (args[0] != "intake" && args[0] != "metadata"))
        {
            Console.Error.WriteLine("usage: intake [--recordings N] [--seconds S] [--rounds R] | metadata [--rows N] [--pg CONNECTION]");
            return 2;
        }

        Console.WriteLine($"load before: {Load()}  cores: {Environment.ProcessorCount}  .NET {Environment.Version}");
        if (args[0] == "intake")
        {
            IntakeBench.Run(Int(args, "--recordings", 8), Int(args, "--seconds", 30), Int(args, "--rounds", 3));
        }
        else
        {
            MetadataBench.Run(Int(args, "--rows", 1_000_000), Text(args, "--pg"));
        }

        Console.WriteLine($"load after: {Load()}");
        return 0;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is string v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
