using System;
using System.Globalization;
using System.IO;
using Bodycam.Emulator.Sweeps;

namespace Bodycam.Emulator.Commands;

/// <summary><c>bodycam-emu tamper-sweep [--positions N] [--seed S]</c>: runs the tamper sweep and prints its figures.</summary>
public static class TamperSweepCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The whole command line (args[0] is "tamper-sweep").</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0 when every change was detected where the rule says, 1 otherwise, 2 on a usage error.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var options = new TamperSweepOptions { Positions = 100_000 };
        for (int i = 1; i < args.Length; i++)
        {
            if (i + 1 >= args.Length)
            {
                error.WriteLine("bodycam-emu: " + args[i] + " needs a value");
                return 2;
            }

            string value = args[++i];
            switch (args[i - 1])
            {
                case "--positions" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int positions) && positions > 0:
                    options.Positions = positions;
                    break;
                case "--seed" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seed):
                    options.Seed = seed;
                    break;
                default:
                    error.WriteLine("bodycam-emu: tamper-sweep takes --positions N (N > 0) and --seed S");
                    return 2;
            }
        }

        long started = Environment.TickCount64;
        TamperSweepReport report = TamperSweep.Run(options);
        report.Write(output);
        output.WriteLine("seed " + options.Seed.ToString(CultureInfo.InvariantCulture) + ", " + ((Environment.TickCount64 - started) / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s");
        return report.MissCount == 0 && report.Crashes == 0 ? 0 : 1;
    }
}
