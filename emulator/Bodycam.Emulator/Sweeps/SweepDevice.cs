using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Fleet;
using Bodycam.Emulator.Scenarios;

namespace Bodycam.Emulator.Sweeps;

/// <summary>
/// One emulated device running a scenario for a sweep: its storage operations logged, its seals fingerprinted, and a
/// run that stops at the first step after the power went (a cut ends the scenario; what follows is the reboot).
/// </summary>
public sealed class SweepDevice : IDisposable
{
    private const string AfterCutScenario =
        "version: 1\n" +
        "name: a recording after the reboot\n" +
        "steps:\n" +
        "  - advance: 2s\n" +
        "  - press: double\n" +
        "  - advance: 3s\n" +
        "  - press: hold 3s\n";

    private static readonly Scenario s_afterCut = ScenarioParser.Parse(AfterCutScenario, "after-cut.yaml");

    private readonly Scenario _scenario;
    private readonly Dictionary<string, byte[]> _deleted = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="SweepDevice"/> class: builds and boots the scenario's device.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="keys">The municipality keys.</param>
    /// <param name="mode">What a power cut does to writes in flight.</param>
    public SweepDevice(Scenario scenario, KeyRing keys, PowerCutMode mode)
    {
        _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        ArgumentNullException.ThrowIfNull(keys);
        FleetMember member = FleetPlan.Plan(1)[0];
        Municipality = scenario.Device.Municipality ?? member.Municipality;
        Device = new EmulatedDevice(new EmulatedDeviceOptions
        {
            Seed = scenario.Seed,
            DeviceId = scenario.Device.DeviceId ?? member.DeviceId,
            Municipality = Municipality,
            Overrides = scenario.Device,
            Camera = scenario.Camera,
            Keys = keys,
        });
        Device.Storage.TornWrites = mode switch
        {
            PowerCutMode.WholeWrites => TornWriteMode.KeepUnsynced,
            PowerCutMode.TornWrites => TornWriteMode.TearUnsynced,
            _ => TornWriteMode.DropUnsynced,
        };
        Log.Attach(Device.Storage);
        Nonces.Attach(Device.Crypto);
        Device.Storage.Deleting += (_, name) => _deleted[name] = Device.Storage.ReadAllBytes(name);
    }

    /// <summary>Gets the device.</summary>
    public EmulatedDevice Device { get; }

    /// <summary>Gets the device's municipality (whose key decrypts its recordings).</summary>
    public string Municipality { get; }

    /// <summary>Gets the storage operations since the first boot.</summary>
    public OperationLog Log { get; } = new();

    /// <summary>Gets the seals since the first boot, across every later boot.</summary>
    public NonceLedger Nonces { get; } = new();

    /// <summary>Gets a value indicating whether the power failed during <see cref="RunScenario"/>.</summary>
    public bool PowerFailed { get; private set; }

    /// <summary>
    /// Runs the scenario (its expectations checked as by <c>bodycam-emu run</c>); stops before the first step after
    /// the storage lost power, or after <paramref name="stopAfter"/> became true.
    /// </summary>
    /// <param name="stopAfter">Another reason to stop (an injected fault was met), or null.</param>
    /// <returns>The scenario's result, or null when the run stopped early.</returns>
    public ScenarioResult? RunScenario(Func<bool>? stopAfter = null)
    {
        // The scenario's own power-cut step turns the storage off too; only a loss of power outside one is the cut.
        bool scenarioOff = false;
        var runner = new ScenarioRunner(null);
        runner.StepStarting += (_, step) =>
        {
            if ((!Device.Storage.IsPowered && !scenarioOff) || (stopAfter != null && stopAfter()))
            {
                throw new PowerFailedException();
            }

            scenarioOff = step.Kind == StepKind.PowerCut || (scenarioOff && step.Kind != StepKind.PowerOn);
        };
        try
        {
            ScenarioResult result = runner.Run(_scenario, Device);
            PowerFailed = !Device.Storage.IsPowered && !scenarioOff;
            return result;
        }
        catch (PowerFailedException)
        {
            PowerFailed = true;
            return null;
        }
    }

    /// <summary>Cuts the supply (if a cut did not already) and boots again: recovery runs; then a second of standby.</summary>
    public void Reboot()
    {
        Device.PowerCut();
        Device.PowerOn();
        Device.Advance(1000);
    }

    /// <summary>Makes one short recording in the new boot (when the device can record), so seals of two boots meet in the ledger.</summary>
    public void RecordAfterReboot()
    {
        new ScenarioRunner(null).Run(s_afterCut, Device);
    }

    /// <summary>Reads every file on the card as it is now.</summary>
    /// <returns>The files by name.</returns>
    public Dictionary<string, byte[]> ReadImage()
    {
        // A card taken from a device that is off: read what is durable, then leave it off again.
        bool off = !Device.Storage.IsPowered;
        if (off)
        {
            Device.Storage.Reset();
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string name in Device.Storage.List())
        {
            files[name] = Device.Storage.ReadAllBytes(name);
        }

        if (off)
        {
            Device.Storage.CutPower();
        }

        return files;
    }

    /// <summary>
    /// Builds the checker for runs of this scenario, with this (uncut) device's image as the reference, plus each file
    /// the run deleted (after a confirmed offload) as it was just before its deletion.
    /// </summary>
    /// <param name="keys">The municipality keys.</param>
    /// <returns>The checker.</returns>
    public ImageChecker ReferenceChecker(KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Dictionary<string, byte[]> reference = ReadImage();
        foreach (KeyValuePair<string, byte[]> deleted in _deleted)
        {
            reference.TryAdd(deleted.Key, deleted.Value);
        }

        return new ImageChecker(Device.SecureElement.DevicePublicKey, keys.RecipientPrivateKey(Municipality), reference, Log);
    }

    /// <summary>Releases the device.</summary>
    public void Dispose()
    {
        Device.Dispose();
    }

    private sealed class PowerFailedException : Exception
    {
    }
}
