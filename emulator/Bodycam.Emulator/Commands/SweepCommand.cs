using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Bodycam.Emulator.Scenarios;
using Bodycam.Emulator.Sweeps;

namespace Bodycam.Emulator.Commands;

/// <summary>
/// <c>bodycam-emu sweep</c>: the long power-cut and resource-fault sweeps over the scenario library, with figures.
/// Exit 0 when nothing was violated, 1 on any violation, 2 on a usage error or an invalid scenario.
/// </summary>
public static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The command.</returns>
    public static Command Build(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Argument<string[]> names = new("scenario")
        {
            Description = "Scenario files, folders of them, or built-in scenario names (default: the whole built-in library).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        OptionParsers.RefuseOptionLookalikes(names);
        Option<string> mode = new("--mode")
        {
            Description = "Power-cut modes to sweep.",
            HelpName = "whole|torn|unsynced|all|none",
            DefaultValueFactory = _ => "all",
            CustomParser = r => OptionParsers.OneOf(r, ["whole", "torn", "unsynced", "all", "none"], "--mode is whole, torn, unsynced, all or none"),
        };
        Option<string> faults = new("--faults")
        {
            Description = "Storage faults to sweep.",
            HelpName = "full|write-error|fills|all|none",
            DefaultValueFactory = _ => "all",
            CustomParser = r => OptionParsers.OneOf(r, ["full", "write-error", "fills", "all", "none"], "--faults is full, write-error, fills, all or none"),
        };
        Option<bool> exhaustive = new("--exhaustive") { Description = "Cut at every storage operation instead of a sample." };
        Option<int> sample = new("--sample") { Description = "Cut points per scenario and mode when not exhaustive.", DefaultValueFactory = _ => 64, CustomParser = r => (int)OptionParsers.Number(r, 0, int.MaxValue, "--sample is a count") };
        Option<int> seed = new("--seed")
        {
            Description = "The seed that picks the sampled cut points.",
            DefaultValueFactory = _ => 1,
            CustomParser = r => (int)OptionParsers.Number(r, 0, int.MaxValue, "--seed is a non-negative number"),
        };
        Option<bool> json = new("--json") { Description = "Write the figures as JSON." };
        Command command = new("sweep", "Power-cut and storage-fault sweeps over scenarios, with figures. Exit 1 on any violation.")
        {
            names,
            mode,
            faults,
            exhaustive,
            sample,
            seed,
            json,
        };
        command.SetAction(parse =>
        {
            var options = new SweepOptions
            {
                Modes = Modes(parse.GetValue(mode)!),
                Faults = Faults(parse.GetValue(faults)!),
                Plan = new CutPointPlan { Exhaustive = parse.GetValue(exhaustive), Sample = parse.GetValue(sample), Seed = parse.GetValue(seed) },
                Json = parse.GetValue(json),
            };
            options.Scenarios.AddRange(parse.GetValue(names) ?? []);
            return Run(options, output, error);
        });
        return command;
    }

    /// <summary>Runs the sweeps.</summary>
    /// <param name="options">What to sweep.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0 when nothing was violated, 1 on any violation, 2 on an invalid scenario.</returns>
    public static int Run(SweepOptions options, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var names = new List<string>(options.Scenarios);
        IReadOnlyList<PowerCutMode> modes = options.Modes;
        IReadOnlyList<ResourceFault> faults = options.Faults;
        bool json = options.Json;
        bool exhaustive = options.Plan.Exhaustive;
        int sample = options.Plan.Sample;
        int seed = options.Plan.Seed;
        List<Scenario> scenarios;
        try
        {
            scenarios = Load(names);
        }
        catch (ScenarioException e)
        {
            error.WriteLine("invalid  " + e.Message);
            return EmulatorExitCodes.Usage;
        }

        CutPointPlan plan = options.Plan;
        var results = new List<SweepFigures>();
        var watch = Stopwatch.StartNew();
        foreach (Scenario scenario in scenarios)
        {
            foreach (PowerCutMode mode in modes)
            {
                Report(PowerCutSweep.Run(scenario, mode, plan), results, output, error, json);
            }

            foreach (ResourceFault fault in faults)
            {
                Report(ResourceFaultSweep.Run(scenario, fault, plan), results, output, error, json);
            }
        }

        long problems = 0;
        foreach (SweepFigures f in results)
        {
            problems += f.Problems.Count;
        }

        if (json)
        {
            var document = new { exhaustive, sample, seed, wallMilliseconds = watch.Elapsed.TotalMilliseconds, sweeps = results };
            output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        }
        else
        {
            PrintTotals(results, output, watch.Elapsed.TotalMilliseconds);
        }

        return problems == 0 ? 0 : 1;
    }

    private static void Report(SweepFigures? figures, List<SweepFigures> results, TextWriter output, TextWriter error, bool json)
    {
        if (figures == null)
        {
            return;
        }

        results.Add(figures);
        if (!json)
        {
            output.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1,-36} {2,-11} ops {3,4}  cuts {4,4}  finished {5,5}  open {6,4}+{7,-3} after {8,4}  lost-seg {9,4} ({15} bytes cut)  seals {10,6}  reuse {11}  audit {12,6}  {13}  {14,6:0} ms",
                figures.Problems.Count == 0 ? "ok  " : "FAIL",
                figures.Scenario,
                figures.Mode,
                figures.Operations,
                figures.CutsReached,
                figures.FinishedIdentical,
                figures.InterruptedRecovered,
                figures.InterruptedBeforeFirstSegment,
                figures.MadeAfterCut,
                figures.SegmentsLost,
                figures.Seals,
                figures.NonceReuses,
                figures.AuditRecords,
                figures.Crashes == 0 ? "no crash" : figures.Crashes + " CRASHES",
                figures.WallMilliseconds,
                figures.BytesCut));
        }

        foreach (string problem in figures.Problems)
        {
            error.WriteLine("  " + figures.Scenario + " " + figures.Mode + ": " + problem);
        }
    }

    private static void PrintTotals(List<SweepFigures> results, TextWriter output, double wall)
    {
        long cuts = 0, finished = 0, open = 0, stubs = 0, after = 0, seals = 0, reuses = 0, audit = 0, problems = 0, crashes = 0, documented = 0;
        foreach (SweepFigures f in results)
        {
            cuts += f.CutsReached;
            finished += f.FinishedIdentical;
            open += f.InterruptedRecovered;
            stubs += f.InterruptedBeforeFirstSegment;
            after += f.MadeAfterCut;
            seals += f.Seals;
            reuses += f.NonceReuses;
            audit += f.AuditRecords;
            problems += f.Problems.Count;
            crashes += f.Crashes;
            documented += f.FaultStatesAsDocumented;
        }

        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "total: {0} sweeps, {1} cut/fault points, recordings checked: {2} finished byte-identical, {3} open at the cut recovered, {4} open before their first segment, {5} made after the reboot; {6} seals, {7} nonce reuses; {8} audit records verified; {9} documented fault states; {10} crashes; {11} violations; {12:0.0} s",
            results.Count,
            cuts,
            finished,
            open,
            stubs,
            after,
            seals,
            reuses,
            audit,
            documented,
            crashes,
            problems,
            wall / 1000));
    }

    private static List<Scenario> Load(List<string> names)
    {
        var scenarios = new List<Scenario>();
        if (names.Count == 0)
        {
            foreach (string name in BuiltInScenarios.Names())
            {
                names.Add(name);
            }
        }

        foreach (string name in names)
        {
            if (Directory.Exists(name))
            {
                string[] files = Directory.GetFiles(name, "*.yaml");
                Array.Sort(files, StringComparer.Ordinal);
                if (files.Length == 0)
                {
                    // ParseFile reports the folder: a sweep over nothing would pass and prove nothing.
                    scenarios.Add(ScenarioParser.ParseFile(name));
                }

                foreach (string file in files)
                {
                    scenarios.Add(ScenarioParser.ParseFile(file));
                }
            }
            else if (!File.Exists(name) && BuiltInScenarios.TryRead(name, out string text))
            {
                scenarios.Add(ScenarioParser.Parse(text, "scenarios/" + (name.EndsWith(".yaml", StringComparison.Ordinal) ? name : name + ".yaml")));
            }
            else
            {
                scenarios.Add(ScenarioParser.ParseFile(name));
            }
        }

        return scenarios;
    }

    private static List<PowerCutMode> Modes(string value) => value switch
    {
        "whole" => [PowerCutMode.WholeWrites],
        "torn" => [PowerCutMode.TornWrites],
        "unsynced" => [PowerCutMode.UnsyncedDropped],
        "none" => [],
        _ => [PowerCutMode.WholeWrites, PowerCutMode.TornWrites, PowerCutMode.UnsyncedDropped],
    };

    private static List<ResourceFault> Faults(string value) => value switch
    {
        "full" => [ResourceFault.StorageFull],
        "write-error" => [ResourceFault.WriteError],
        "fills" => [ResourceFault.CardFills],
        "none" => [],
        _ => [ResourceFault.StorageFull, ResourceFault.WriteError, ResourceFault.CardFills],
    };
}
