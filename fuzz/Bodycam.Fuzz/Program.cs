using System;
using System.IO;
using SharpFuzz;

namespace Bodycam.Fuzz;

/// <summary>
/// <c>Bodycam.Fuzz &lt;target&gt;</c> under afl-fuzz (SharpFuzz out-of-process runner);
/// <c>Bodycam.Fuzz &lt;target&gt; --libfuzzer</c> under libfuzzer-dotnet;
/// <c>Bodycam.Fuzz &lt;target&gt; --run FILE...</c> runs inputs once (reproduce a crash, check a corpus);
/// <c>Bodycam.Fuzz seeds DIR</c> writes a seed corpus per target from real files.
/// Targets: recording, dock-device, dock-host, configuration, scenario. Drivers that cannot pass arguments (such as
/// libfuzzer-dotnet) set <c>BODYCAM_FUZZ_TARGET</c> (and <c>BODYCAM_FUZZ_LIBFUZZER=1</c>) instead.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: Bodycam.Fuzz <recording|dock-device|dock-host|configuration|scenario> [--libfuzzer | --run FILE...] | seeds DIR";

    public static int Main(string[] args)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("BODYCAM_FUZZ_TARGET");
        if (args.Length == 0 && !string.IsNullOrEmpty(fromEnvironment))
        {
            args = Environment.GetEnvironmentVariable("BODYCAM_FUZZ_LIBFUZZER") == "1" ? [fromEnvironment, "--libfuzzer"] : [fromEnvironment];
        }

        if (args.Length == 2 && args[0] == "seeds")
        {
            Seeds.Write(args[1]);
            return 0;
        }

        if (args.Length == 0 || !Targets.TryGet(args[0], out Action<byte[]>? target))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (args.Length >= 2 && args[1] == "--run")
        {
            for (int i = 2; i < args.Length; i++)
            {
                target(File.ReadAllBytes(args[i]));
                Console.WriteLine("ok " + args[i]);
            }

            return 0;
        }

        if (args.Length == 2 && args[1] == "--libfuzzer")
        {
            Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
            return 0;
        }

        if (args.Length != 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            target(copy.ToArray());
        });
        return 0;
    }
}
