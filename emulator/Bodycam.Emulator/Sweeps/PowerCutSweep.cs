using System;
using System.Diagnostics;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;

namespace Bodycam.Emulator.Sweeps;

/// <summary>
/// The power-cut sweep (docs/reliability.md): runs a scenario once without a cut to learn its storage operations,
/// then once per cut point with the power failing in that operation, boots again (recovery), makes one more
/// recording, and checks the card with <see cref="ImageChecker"/> and the seals with a <see cref="NonceLedger"/>.
/// </summary>
public static class PowerCutSweep
{
    /// <summary>Sweeps one scenario in one mode.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="mode">What a cut does to writes in flight.</param>
    /// <param name="plan">Which operations to cut.</param>
    /// <param name="keys">The municipality keys (null: the scenario seed's keys, as <c>bodycam-emu run</c> uses).</param>
    /// <returns>The figures, or null when the uncut run makes no recording (nothing to sweep).</returns>
    public static SweepFigures? Run(Scenario scenario, PowerCutMode mode, CutPointPlan plan, KeyRing? keys = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        keys ??= KeyRing.FromSeed(scenario.Seed);
        var watch = Stopwatch.StartNew();
        using var reference = new SweepDevice(scenario, keys, mode);
        ScenarioResult? uncut = reference.RunScenario();
        ImageChecker checker = reference.ReferenceChecker(keys);
        if (!HasRecording(checker))
        {
            return null;
        }

        var figures = new SweepFigures { Scenario = scenario.File, Mode = Name(mode), Operations = reference.Log.Operations.Count };
        if (uncut == null || uncut.Outcome != ScenarioOutcome.Passed)
        {
            figures.Problems.Add("the uncut run did not pass: " + (uncut?.Message ?? "the power failed"));
        }

        if (reference.Nonces.Reuses > 0)
        {
            figures.Problems.Add("the uncut run reused a (key, nonce) pair: " + reference.Nonces.FirstReuse);
        }

        foreach (int cut in plan.Select(reference.Log.First, reference.Log.Last))
        {
            figures.CutPoints++;
            using var run = new SweepDevice(scenario, keys, mode);
            try
            {
                // The operation numbered `cut` fails: `cut - 1` operations succeed (counted since the device was built).
                run.Device.Storage.CutPowerAtOperation(cut - 1);
                run.RunScenario();
                if (!run.PowerFailed)
                {
                    figures.Problems.Add("operation " + cut + ": the run ended before the cut");
                    continue;
                }

                figures.CutsReached++;
                run.Reboot();
                run.RecordAfterReboot();
                figures.Add(cut, checker.Check(cut, run.ReadImage(), run.Log, false));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                figures.Crashes++;
                figures.Problems.Add("operation " + cut + ": crashed: " + e.GetType().Name + ": " + e.Message);
            }

            figures.Seals += run.Nonces.Seals;
            figures.NonceReuses += run.Nonces.Reuses;
            if (run.Nonces.Reuses > 0)
            {
                figures.Problems.Add("operation " + cut + ": " + run.Nonces.Reuses + " seal(s) reused a (key, nonce) pair, first " + run.Nonces.FirstReuse);
            }
        }

        figures.WallMilliseconds = watch.Elapsed.TotalMilliseconds;
        return figures;
    }

    /// <summary>The command's word for a mode.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>whole, torn or unsynced.</returns>
    public static string Name(PowerCutMode mode)
    {
        return mode switch
        {
            PowerCutMode.WholeWrites => "whole",
            PowerCutMode.TornWrites => "torn",
            _ => "unsynced",
        };
    }

    internal static bool HasRecording(ImageChecker checker)
    {
        foreach (string unused in checker.ReferenceRecordingFiles)
        {
            return true;
        }

        return false;
    }
}
