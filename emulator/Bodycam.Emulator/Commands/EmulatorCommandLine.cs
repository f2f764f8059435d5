using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Bodycam.Emulator.Sweeps;
using Bodycam.Sdk.Keys;

namespace Bodycam.Emulator.Commands;

/// <summary>
/// <c>bodycam-emu</c>: <c>run</c>, <c>scenarios</c>, <c>live</c>, <c>bench shift</c>, <c>frame</c>, <c>sweep</c>. With no arguments it
/// runs the built-in escalation scenario and prints the timeline.
/// </summary>
public static class EmulatorCommandLine
{
    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage:\n" +
        "  bodycam-emu                                   run the built-in escalation scenario and print its timeline\n" +
        "  bodycam-emu run <scenario.yaml|folder|name>... [--storage dir] [--keys dir] [--junit file] [--timeout 1h] [--devices N] [--timeline]\n" +
        "                    [--dock-port P] [--dock-pty]   then serve the dock (127.0.0.1:P+i, 0 = free ports; pty) until Ctrl+C\n" +
        "  bodycam-emu scenarios                         list the built-in scenarios\n" +
        "  bodycam-emu live [--seed N] [--dock-port P] [--dock-pty]  interactive device in real time\n" +
        "  bodycam-emu bench shift                       10 h shift at 1080p30, 4 Mbit/s: simulated/wall time\n" +
        "  bodycam-emu frame <out.jpg> [--resolution WxH] write one test-pattern JPEG frame\n" +
        "  bodycam-emu tamper-sweep [--positions N] [--seed S] flip, cut and splice recordings; print detection figures\n" +
        SweepCommand.Usage +
        "exit codes: 0 all expectations held, 1 an expectation failed, 2 invalid scenario or usage, 42 timeout";

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        return Run(args, output, error, CancellationToken.None);
    }

    /// <summary>Runs the command line; dock endpoints (--dock-port, --dock-pty) serve until <paramref name="stop"/> is cancelled.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="stop">Ends serving the dock endpoints (Ctrl+C).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return Dispatch(args, output, error, stop);
        }
        catch (WrongPassphraseException e)
        {
            // A --keys folder written with another passphrase (for example by `bodycam keys new`): a usage error.
            error.WriteLine("bodycam-emu: " + e.Message + " Set " + KeyRing.PassphraseVariable + " to the passphrase of the key files in --keys.");
            return 2;
        }
        catch (KeyFileException e)
        {
            error.WriteLine("bodycam-emu: key file: " + e.Message);
            return 2;
        }
    }

    private static int Dispatch(string[] args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        if (args.Length == 0)
        {
            var defaults = new RunOptions { Timeline = true };
            defaults.Scenarios.Add("escalation");
            return RunScenarios(defaults, output, error, stop);
        }

        switch (args[0])
        {
            case "run":
                {
                    RunOptions? options = ParseRun(args, error);
                    return options == null ? 2 : RunScenarios(options, output, error, stop);
                }

            case "scenarios":
                foreach (string name in BuiltInScenarios.Names())
                {
                    BuiltInScenarios.TryRead(name, out string text);
                    output.WriteLine(name.PadRight(32) + " " + ScenarioParser.Parse(text, name + ".yaml").Name);
                }

                return 0;
            case "live":
                return LiveCommand.Run(args, output, error, stop);
            case "bench":
                if (args.Length == 2 && args[1] == "shift")
                {
                    return ShiftBenchmark.Run(output);
                }

                error.WriteLine(Usage);
                return 2;
            case "frame":
                return FrameCommand.Run(args, output, error);
            case "tamper-sweep":
                return TamperSweepCommand.Run(args, output, error);
            case "sweep":
                return SweepCommand.Run(args, output, error);
            case "--help":
            case "-h":
            case "help":
                output.WriteLine(Usage);
                return 0;
            default:
                error.WriteLine("bodycam-emu: unknown command '" + args[0] + "'");
                error.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>Parses the options of <c>run</c>.</summary>
    /// <param name="args">The whole command line (args[0] is "run").</param>
    /// <param name="error">Where usage errors go.</param>
    /// <returns>The options, or null on a usage error.</returns>
    public static RunOptions? ParseRun(string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var options = new RunOptions();
        for (int i = 1; i < args.Length; i++)
        {
            string a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                if (Directory.Exists(a))
                {
                    // A folder stands for its *.yaml files, in name order (the same on every platform and shell).
                    string[] files = Directory.GetFiles(a, "*.yaml");
                    Array.Sort(files, StringComparer.Ordinal);
                    options.Scenarios.AddRange(files);
                }
                else
                {
                    options.Scenarios.Add(a);
                }

                continue;
            }

            if (a == "--timeline")
            {
                options.Timeline = true;
                continue;
            }

            if (a == "--dock-pty")
            {
                options.DockPty = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error.WriteLine("bodycam-emu: " + a + " needs a value");
                return null;
            }

            string value = args[++i];
            switch (a)
            {
                case "--storage":
                    options.StorageDirectory = value;
                    break;
                case "--keys":
                    options.KeysDirectory = value;
                    break;
                case "--junit":
                    options.JUnitFile = value;
                    break;
                case "--timeout":
                    if (!Quantity.TryParseDuration(value, out long timeout) || timeout <= 0)
                    {
                        error.WriteLine("bodycam-emu: --timeout is a duration such as 90s, 2m or 10h");
                        return null;
                    }

                    options.TimeoutMilliseconds = timeout;
                    break;
                case "--devices":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int devices) || devices < 1 || devices > 64)
                    {
                        error.WriteLine("bodycam-emu: --devices is 1..64");
                        return null;
                    }

                    options.Devices = devices;
                    break;
                case "--dock-port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int dockPort) || dockPort > 65535)
                    {
                        error.WriteLine("bodycam-emu: --dock-port is 0..65535 (0 picks free ports)");
                        return null;
                    }

                    options.DockPort = dockPort;
                    break;
                default:
                    error.WriteLine("bodycam-emu: unknown option " + a);
                    return null;
            }
        }

        if (options.Scenarios.Count == 0)
        {
            error.WriteLine("bodycam-emu: run needs at least one scenario file");
            return null;
        }

        if ((options.DockPort != null || options.DockPty) && options.Scenarios.Count != 1)
        {
            error.WriteLine("bodycam-emu: --dock-port and --dock-pty serve the devices of one scenario; give exactly one");
            return null;
        }

        if (options.DockPort is int basePort && basePort != 0 && basePort + options.Devices - 1 > 65535)
        {
            error.WriteLine("bodycam-emu: --dock-port plus --devices runs past port 65535");
            return null;
        }

        return options;
    }

    private static int RunScenarios(RunOptions options, TextWriter output, TextWriter error, CancellationToken stop)
    {
        using DockServing? dock = options.DockPort != null || options.DockPty ? new DockServing(options.DockPort, options.DockPty, output) : null;
        KeyRing? keys = null;
        var results = new List<ScenarioResult>();
        foreach (string path in options.Scenarios)
        {
            Scenario scenario;
            try
            {
                scenario = Load(path);
            }
            catch (ScenarioException e)
            {
                error.WriteLine("invalid  " + e.Message);
                results.Add(new ScenarioResult { File = path, Name = Path.GetFileNameWithoutExtension(path), Outcome = ScenarioOutcome.Invalid, Message = e.Message });
                continue;
            }

            keys ??= options.KeysDirectory == null ? KeyRing.FromSeed(scenario.Seed) : KeyRing.FromDirectory(options.KeysDirectory);
            ScenarioResult result = ScenarioSession.Run(
                scenario,
                options.Devices,
                keys,
                options.StorageDirectory,
                options.TimeoutMilliseconds,
                options.Timeline ? (device, _) => TimelinePrinter.Print(device, output) : null,
                dock);
            results.Add(result);
            string verdict = result.Outcome switch
            {
                ScenarioOutcome.Passed => "passed ",
                ScenarioOutcome.Failed => "FAILED ",
                ScenarioOutcome.TimedOut => "TIMEOUT",
                _ => "invalid",
            };
            output.WriteLine(verdict + "  " + scenario.Name + " (" + path + ", " + Quantity.FormatDuration(result.SimulatedMilliseconds) + " simulated in "
                + result.WallMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms)");
            if (result.Message != null)
            {
                error.WriteLine("  " + result.Message);
            }
        }

        if (options.JUnitFile != null)
        {
            using var writer = new StreamWriter(options.JUnitFile);
            JUnitReport.Write(results, writer);
        }

        if (dock != null && ExitCode(results) != 2)
        {
            dock.Serve(stop);
        }

        return ExitCode(results);
    }

    /// <summary>The exit code for a set of results: 2 if any is invalid, else 42 if any timed out, else 1 if any failed, else 0.</summary>
    /// <param name="results">The results.</param>
    /// <returns>The exit code.</returns>
    public static int ExitCode(IReadOnlyList<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        bool failed = false;
        bool timedOut = false;
        foreach (ScenarioResult r in results)
        {
            if (r.Outcome == ScenarioOutcome.Invalid)
            {
                return 2;
            }

            timedOut |= r.Outcome == ScenarioOutcome.TimedOut;
            failed |= r.Outcome == ScenarioOutcome.Failed;
        }

        return timedOut ? 42 : failed ? 1 : 0;
    }

    private static Scenario Load(string path)
    {
        if (!File.Exists(path) && BuiltInScenarios.TryRead(path, out string text))
        {
            return ScenarioParser.Parse(text, "scenarios/" + (path.EndsWith(".yaml", StringComparison.Ordinal) ? path : path + ".yaml"));
        }

        return ScenarioParser.ParseFile(path);
    }
}
