using System;
using System.Collections.Generic;
using System.IO;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Fleet;
using Bodycam.Emulator.Scenarios;

namespace Bodycam.Emulator.Commands;

/// <summary>Runs one parsed scenario on one or more emulated devices and combines the results.</summary>
public static class ScenarioSession
{
    /// <summary>Runs <paramref name="scenario"/> on a fleet of <paramref name="devices"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="devices">Fleet size (1 runs the scenario's own device).</param>
    /// <param name="keys">The key ring.</param>
    /// <param name="storageRoot">Keep storage as files under this directory (one subdirectory per device), or null.</param>
    /// <param name="timeoutMilliseconds">Simulated time limit.</param>
    /// <param name="onDevice">Called with each device after its run (timeline, inspection); the device is disposed after.</param>
    /// <param name="dock">Dock endpoints to start for each device before its run; the devices are then kept by it.</param>
    /// <returns>The combined result: the first failure of any device, else a pass.</returns>
    public static ScenarioResult Run(Scenario scenario, int devices, KeyRing keys, string? storageRoot, long? timeoutMilliseconds, Action<EmulatedDevice, ScenarioResult>? onDevice, DockServing? dock = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(keys);
        ScenarioResult? combined = null;
        double wall = 0;
        IReadOnlyList<FleetMember> fleet = FleetPlan.Plan(devices);
        foreach (FleetMember member in fleet)
        {
            bool own = devices == 1;
            string id = own ? scenario.Device.DeviceId ?? member.DeviceId : member.DeviceId;
            string municipality = own ? scenario.Device.Municipality ?? member.Municipality : member.Municipality;
            var options = new EmulatedDeviceOptions
            {
                Seed = scenario.Seed + (ulong)member.Index,
                DeviceId = id,
                Municipality = municipality,
                Overrides = scenario.Device,
                Camera = scenario.Camera,
                Keys = keys,
                StorageDirectory = storageRoot == null ? null : Path.Combine(storageRoot, id),
            };
            var device = new EmulatedDevice(options);
            ScenarioResult result;
            try
            {
                dock?.Start(device, member.Index);
                var runner = new ScenarioRunner(timeoutMilliseconds);
                runner.StepStarting += (_, step) => device.Log("step", "line " + step.Line + ": " + step.Text);
                result = runner.Run(scenario, device);
                wall += result.WallMilliseconds;
                onDevice?.Invoke(device, result);
            }
            finally
            {
                if (dock == null)
                {
                    device.Dispose();
                }
                else
                {
                    dock.Keep(device);
                }
            }

            if (result.Outcome != ScenarioOutcome.Passed && (combined == null || combined.Outcome == ScenarioOutcome.Passed))
            {
                combined = new ScenarioResult
                {
                    File = result.File,
                    Name = result.Name,
                    Outcome = result.Outcome,
                    Message = devices == 1 ? result.Message : "[" + id + "] " + result.Message,
                    SimulatedMilliseconds = result.SimulatedMilliseconds,
                    StepsRun = result.StepsRun,
                };
            }
            else
            {
                combined ??= result;
            }
        }

        return new ScenarioResult
        {
            File = combined!.File,
            Name = combined.Name,
            Outcome = combined.Outcome,
            Message = combined.Message,
            SimulatedMilliseconds = combined.SimulatedMilliseconds,
            StepsRun = combined.StepsRun,
            WallMilliseconds = wall,
        };
    }
}
