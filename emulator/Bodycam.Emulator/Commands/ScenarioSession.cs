using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
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
    /// <exception cref="StorageFolderException">A device's folder under <paramref name="storageRoot"/> is not empty or cannot be made.</exception>
    public static ScenarioResult Run(Scenario scenario, int devices, KeyRing keys, string? storageRoot, long? timeoutMilliseconds, Action<EmulatedDevice, ScenarioResult>? onDevice, DockServing? dock = null)
    {
        return Run(scenario, devices, keys, storageRoot, timeoutMilliseconds, onDevice, dock, CancellationToken.None);
    }

    /// <summary>Runs <paramref name="scenario"/> on a fleet of <paramref name="devices"/>, stopping before the next step once <paramref name="stop"/> is cancelled.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="devices">Fleet size (1 runs the scenario's own device).</param>
    /// <param name="keys">The key ring.</param>
    /// <param name="storageRoot">Keep storage as files under this directory (one subdirectory per device, which must be absent or empty), or null.</param>
    /// <param name="timeoutMilliseconds">Simulated time limit.</param>
    /// <param name="onDevice">Called with each device after its run (timeline, inspection); the device is disposed after.</param>
    /// <param name="dock">Dock endpoints to start for each device before its run; the devices are then kept by it.</param>
    /// <param name="stop">Ctrl+C: the run throws <see cref="OperationCanceledException"/> before its next step.</param>
    /// <returns>The combined result: the first failure of any device, else a pass.</returns>
    /// <exception cref="StorageFolderException">A device's folder under <paramref name="storageRoot"/> is not empty or cannot be made.</exception>
    public static ScenarioResult Run(Scenario scenario, int devices, KeyRing keys, string? storageRoot, long? timeoutMilliseconds, Action<EmulatedDevice, ScenarioResult>? onDevice, DockServing? dock, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(keys);
        ScenarioResult? combined = null;
        double wall = 0;
        IReadOnlyList<FleetMember> fleet = FleetPlan.Plan(devices);
        var folders = new string?[fleet.Count];
        for (int i = 0; i < fleet.Count; i++)
        {
            // Every device's folder is checked before the first device starts, so a refusal changes nothing.
            folders[i] = storageRoot == null ? null : StorageFolder(storageRoot, DeviceId(scenario, devices, fleet[i]));
        }

        foreach (FleetMember member in fleet)
        {
            bool own = devices == 1;
            string id = DeviceId(scenario, devices, member);
            string municipality = own ? scenario.Device.Municipality ?? member.Municipality : member.Municipality;
            var options = new EmulatedDeviceOptions
            {
                Seed = scenario.Seed + (ulong)member.Index,
                DeviceId = id,
                Municipality = municipality,
                Overrides = scenario.Device,
                Camera = scenario.Camera,
                Keys = keys,
                StorageDirectory = folders[member.Index],
            };
            var device = new EmulatedDevice(options);
            ScenarioResult result;
            try
            {
                dock?.Start(device, member.Index);
                var runner = new ScenarioRunner(timeoutMilliseconds, stop);
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

    /// <summary>The folder of a device's storage under <paramref name="storageRoot"/>: <c>root/&lt;device id&gt;</c>,
    /// which must lie inside the root and be absent or empty (a device booted on an earlier run's storage would carry
    /// over its recording ids, faults and audit trail).</summary>
    /// <param name="storageRoot">The <c>--storage</c> folder.</param>
    /// <param name="deviceId">The device id.</param>
    /// <returns>The full path of the device's folder.</returns>
    /// <exception cref="StorageFolderException">The id is not a valid device id, or the folder is a file or holds anything.</exception>
    public static string StorageFolder(string storageRoot, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(storageRoot);
        ArgumentNullException.ThrowIfNull(deviceId);
        string root = Path.GetFullPath(storageRoot);
        if (!ScenarioParser.IsDeviceId(deviceId))
        {
            throw new StorageFolderException(root, "--storage: the device id '" + deviceId + "' cannot name a folder; a device id is " + ScenarioParser.DeviceIdCharacters);
        }

        if (File.Exists(root))
        {
            throw new StorageFolderException(root, "--storage " + root + " is a file; give a folder (created when missing)");
        }

        string folder = Path.GetFullPath(Path.Combine(root, deviceId));
        if (!folder.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new StorageFolderException(folder, "--storage: the device folder " + folder + " lies outside " + root);
        }

        if (File.Exists(folder))
        {
            throw new StorageFolderException(folder, "--storage: " + folder + " is a file where the device's storage folder goes; remove it or give another --storage folder");
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).GetEnumerator().MoveNext())
        {
            throw new StorageFolderException(folder, "--storage: " + folder + " already holds a device's storage from an earlier run or scenario (its recording ids, faults and audit trail would carry over); move it away, or give an empty or new --storage folder");
        }

        return folder;
    }

    private static string DeviceId(Scenario scenario, int devices, FleetMember member)
    {
        return devices == 1 ? scenario.Device.DeviceId ?? member.DeviceId : member.DeviceId;
    }
}
