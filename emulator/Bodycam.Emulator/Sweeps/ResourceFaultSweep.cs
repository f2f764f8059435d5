using System;
using System.Diagnostics;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Sweeps;

/// <summary>
/// The resource-fault sweep (docs/reliability.md): runs a scenario once without a fault, then once per operation with
/// the storage failing from that operation on (full, or a write error) or the card filling there. Afterwards the
/// device must report the documented fault (docs/state-machine.md: StorageFull, StorageError; a start is tried if the
/// device has not met the fault yet), must not have crashed, and after a reboot the card must pass
/// <see cref="ImageChecker"/> with the failing operation as the cut.
/// </summary>
public static class ResourceFaultSweep
{
    private const string ProbeScenario =
        "version: 1\n" +
        "name: a start after the fault\n" +
        "steps:\n" +
        "  - press: double\n" +
        "  - advance: 4s\n" +
        "  - press: hold 3s\n";

    // Free space left when the card fills: a few clusters, enough for the writer to close the file properly.
    private const long LastFreeBytes = 4096;

    private static readonly Scenario s_probe = ScenarioParser.Parse(ProbeScenario, "probe.yaml");

    /// <summary>Sweeps one scenario with one fault.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="plan">At which operations to inject it.</param>
    /// <param name="keys">The municipality keys (null: the scenario seed's keys).</param>
    /// <returns>The figures, or null when the uncut run makes no recording.</returns>
    public static SweepFigures? Run(Scenario scenario, ResourceFault fault, CutPointPlan plan, KeyRing? keys = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        keys ??= KeyRing.FromSeed(scenario.Seed);
        var watch = Stopwatch.StartNew();
        using var reference = new SweepDevice(scenario, keys, PowerCutMode.UnsyncedDropped);
        ScenarioResult? uncut = reference.RunScenario();
        ImageChecker checker = reference.ReferenceChecker(keys);
        if (!PowerCutSweep.HasRecording(checker))
        {
            return null;
        }

        var figures = new SweepFigures { Scenario = scenario.File, Mode = Name(fault), Operations = reference.Log.Operations.Count };
        if (uncut == null || uncut.Outcome != ScenarioOutcome.Passed)
        {
            figures.Problems.Add("the uncut run did not pass: " + (uncut?.Message ?? "the power failed"));
        }

        foreach (int at in plan.Select(reference.Log.First, reference.Log.Last))
        {
            figures.CutPoints++;
            using var run = new SweepDevice(scenario, keys, PowerCutMode.UnsyncedDropped);
            try
            {
                bool filled = false;
                Inject(run.Device, fault, at, () => filled = true);

                // Stop at the first step after the device met the fault, before a reboot in the scenario could
                // clear it: the state then is the one the fault caused.
                run.RunScenario(() => filled || run.Device.Storage.InjectedFailures > 0);
                bool reached = filled || run.Device.Storage.InjectedFailures > 0;
                if (!reached)
                {
                    // A reboot in the scenario cleared the fault before the operation came (the card came back).
                    continue;
                }

                figures.CutsReached++;
                string? state = Probe(run.Device, fault);
                if (state == null)
                {
                    figures.FaultStatesAsDocumented++;
                }
                else
                {
                    figures.Problems.Add("operation " + at + ": " + state);
                }

                // The run is the uncut one up to the first operation that differs (the one that failed, or the
                // first the device did differently because it met the fault): that is the cut the checker applies.
                int divergence = Divergence(reference.Log, run.Log);
                run.Reboot();
                figures.Add(at, checker.Check(divergence, run.ReadImage(), run.Log, fault == ResourceFault.CardFills));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                figures.Crashes++;
                figures.Problems.Add("operation " + at + ": crashed: " + e.GetType().Name + ": " + e.Message);
            }

            figures.Seals += run.Nonces.Seals;
            figures.NonceReuses += run.Nonces.Reuses;
            if (run.Nonces.Reuses > 0)
            {
                figures.Problems.Add("operation " + at + ": " + run.Nonces.Reuses + " seal(s) reused a (key, nonce) pair");
            }
        }

        figures.WallMilliseconds = watch.Elapsed.TotalMilliseconds;
        return figures;
    }

    /// <summary>The command's word for a fault.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>full, write-error or fills.</returns>
    public static string Name(ResourceFault fault)
    {
        return fault switch
        {
            ResourceFault.StorageFull => "full",
            ResourceFault.WriteError => "write-error",
            _ => "fills",
        };
    }

    private static void Inject(EmulatedDevice device, ResourceFault fault, int at, Action filled)
    {
        // Operation `at` is the first to meet the fault: `at - 1` succeed, counted since the device was built. The
        // fault is armed just in time, so one in a later boot is not cleared by the reboot before it.
        SimulatedStorage storage = device.Storage;
        Action arm = fault switch
        {
            ResourceFault.StorageFull => () => storage.FailWritesAfter(StorageError.Full, 0),
            ResourceFault.WriteError => () => storage.FailWritesAfter(StorageError.IoError, 0),
            _ => () => Fill(storage, filled),
        };
        if (storage.OperationCount >= at - 1)
        {
            arm();
            return;
        }

        storage.OperationCompleted += (_, operation) =>
        {
            if (operation.Number == at - 1)
            {
                arm();
            }
        };
    }

    // From here the card has its last clusters only: room to close a file and log it, not for another segment.
    private static void Fill(SimulatedStorage storage, Action filled)
    {
        long used = storage.CapacityBytes - storage.ReadFreeBytes();
        storage.CapacityBytes = used + LastFreeBytes;
        filled();
    }

    private static int Divergence(OperationLog reference, OperationLog run)
    {
        int n = Math.Min(reference.Operations.Count, run.Operations.Count);
        for (int i = 0; i < n; i++)
        {
            if (reference.Operations[i] != run.Operations[i])
            {
                return reference.Operations[i].Number;
            }
        }

        return n < reference.Operations.Count ? reference.Operations[n].Number : reference.Last + 1;
    }

    // Null when the device shows the documented fault; otherwise what it shows. A device that has not used the card
    // since the fault is asked to start a recording first (that is when the documented transition happens).
    private static string? Probe(EmulatedDevice device, ResourceFault fault)
    {
        if (device.Core == null)
        {
            device.PowerOn();
        }

        if (device.IsDocked)
        {
            device.Undock();
        }

        device.Advance(1000);
        if (!Documented(device, fault) && device.State != "fault")
        {
            new ScenarioRunner(null).Run(s_probe, device);
        }

        return Documented(device, fault) ? null : "after the fault the device is " + device.State + " (" + device.Fault + ")";
    }

    private static bool Documented(EmulatedDevice device, ResourceFault fault)
    {
        // A critical battery blocks recording before the card is tried (docs/state-machine.md): the fault then masks it.
        if (device.State == "fault" && device.Fault == "battery-critical")
        {
            return true;
        }

        // The fault the device met decides (a scenario may inject its own before ours): a full card is a
        // StorageFull fault or warning, any other storage error the StorageError fault.
        bool full = device.Storage.InjectedFailures > 0 ? device.Storage.LastInjectedError == StorageError.Full : fault != ResourceFault.WriteError;
        return full ? device.Fault == "storage-full" : device.State == "fault" && device.Fault == "storage-error";
    }
}
