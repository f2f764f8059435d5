using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Bodycam.Emulator.Sweeps;

namespace Bodycam.Emulator.Commands;

/// <summary><c>bodycam-emu tamper-sweep [--positions N] [--seed S]</c>: runs the tamper sweep and prints its figures.</summary>
public static class TamperSweepCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="output">Standard output.</param>
    /// <returns>The command.</returns>
    public static Command Build(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Option<int> positions = new("--positions") { Description = "How many byte positions to flip, spread over the corpus (N > 0).", DefaultValueFactory = _ => 100_000, CustomParser = r => (int)OptionParsers.Number(r, 1, int.MaxValue, "--positions is a count above 0") };
        Option<long> seed = new("--seed")
        {
            Description = "The seed that picks the positions (the same seed gives the same run).",
            DefaultValueFactory = _ => new TamperSweepOptions().Seed,
            CustomParser = r => OptionParsers.Number(r, long.MinValue, long.MaxValue, "--seed is a whole number"),
        };
        Command command = new("tamper-sweep", "Flip, cut, reorder and splice recordings of a fixed corpus; print detection figures. Exit 1 if a change went undetected where the format says it is.")
        {
            positions,
            seed,
        };
        command.SetAction(parse => Run(new TamperSweepOptions { Positions = parse.GetValue(positions), Seed = parse.GetValue(seed) }, output));
        return command;
    }

    /// <summary>Runs the sweep.</summary>
    /// <param name="options">The sweep's options.</param>
    /// <param name="output">Standard output.</param>
    /// <returns>0 when every change was detected where the rule says, 1 otherwise.</returns>
    public static int Run(TamperSweepOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        long started = Environment.TickCount64;
        TamperSweepReport report = TamperSweep.Run(options);
        report.Write(output);
        output.WriteLine("seed " + options.Seed.ToString(CultureInfo.InvariantCulture) + ", " + ((Environment.TickCount64 - started) / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s");
        return report.MissCount == 0 && report.Crashes == 0 ? EmulatorExitCodes.Success : EmulatorExitCodes.CheckFailed;
    }
}
