using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Bodycam.Emulator.Scenarios;

namespace Bodycam.Emulator.Sweeps;

/// <summary>
/// <c>bodycam-emu sweep</c>: the long power-cut and resource-fault sweeps over the scenario library, with figures.
/// Exit 0 when nothing was violated, 1 on any violation, 2 on a usage error or an invalid scenario.
/// </summary>
public static class SweepCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage =
        "  bodycam-emu sweep [scenario...] [--mode whole|torn|unsynced|all|none] [--faults full|write-error|fills|all|none]\n" +
        "                    [--exhaustive] [--sample N] [--seed S] [--json]   power-cut and storage-fault sweeps\n";

    /// <summary>Runs the command.</summary>
    /// <param name="args">The whole command line (args[0] is "sweep").</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var names = new List<string>();
        var modes = new List<PowerCutMode> { PowerCutMode.WholeWrites, PowerCutMode.TornWrites, PowerCutMode.UnsyncedDropped };
        var faults = new List<ResourceFault> { ResourceFault.StorageFull, ResourceFault.WriteError, ResourceFault.CardFills };
        bool exhaustive = false;
        bool json = false;
        int sample = 64;
        int seed = 1;
        for (int i = 1; i < args.Length; i++)
        {
            string a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                names.Add(a);
                continue;
            }

            if (a == "--exhaustive" || a == "--json")
            {
                exhaustive |= a == "--exhaustive";
                json |= a == "--json";
                continue;
            }

            if (i + 1 >= args.Length)
            {
                return UsageError(error, a + " needs a value");
            }

            string value = args[++i];
            switch (a)
            {
                case "--mode":
                    modes = value switch
                    {
                        "whole" => new List<PowerCutMode> { PowerCutMode.WholeWrites },
                        "torn" => new List<PowerCutMode> { PowerCutMode.TornWrites },
                        "unsynced" => new List<PowerCutMode> { PowerCutMode.UnsyncedDropped },
                        "none" => new List<PowerCutMode>(),
                        "all" => modes,
                        _ => null!,
                    };
                    if (modes == null)
                    {
                        return UsageError(error, "--mode is whole, torn, unsynced, all or none");
                    }

                    break;
                case "--faults":
                    faults = value switch
                    {
                        "full" => new List<ResourceFault> { ResourceFault.StorageFull },
                        "write-error" => new List<ResourceFault> { ResourceFault.WriteError },
                        "fills" => new List<ResourceFault> { ResourceFault.CardFills },
                        "none" => new List<ResourceFault>(),
                        "all" => faults,
                        _ => null!,
                    };
                    if (faults == null)
                    {
                        return UsageError(error, "--faults is full, write-error, fills, all or none");
                    }

                    break;
                case "--sample":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out sample))
                    {
                        return UsageError(error, "--sample is a count");
                    }

                    break;
                case "--seed":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                    {
                        return UsageError(error, "--seed is a non-negative number");
                    }

                    break;
                default:
                    return UsageError(error, "unknown option " + a);
            }
        }

        List<Scenario> scenarios;
        try
        {
            scenarios = Load(names);
        }
        catch (ScenarioException e)
        {
            error.WriteLine("invalid  " + e.Message);
            return 2;
        }

        var plan = new CutPointPlan { Exhaustive = exhaustive, Sample = sample, Seed = seed };
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

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine("bodycam-emu: " + message);
        error.WriteLine("usage:");
        error.Write(Usage);
        return 2;
    }
}
