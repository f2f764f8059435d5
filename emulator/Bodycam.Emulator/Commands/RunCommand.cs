using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;

namespace Bodycam.Emulator.Commands;

/// <summary>
/// <c>bodycam-emu run</c>: runs scenarios (files, folders of them, or built-in names), prints a verdict per scenario,
/// writes a JUnit report, and serves the dock endpoints afterwards when asked.
/// </summary>
public sealed class RunCommand
{
    private readonly Argument<string[]> _scenarios = new("scenario")
    {
        Description = "Scenario files (YAML), folders (their *.yaml files, in name order), or built-in scenario names ('bodycam-emu scenarios').",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> _storage = new("--storage") { Description = "Keep each device's storage as files under this folder (one subfolder per device).", HelpName = "dir" };
    private readonly Option<string?> _keys = new("--keys") { Description = "The municipality keys (generated and saved when absent; passphrase from BODYCAM_EMU_KEY_PASSPHRASE).", HelpName = "dir" };
    private readonly Option<string?> _junit = new("--junit") { Description = "Write a JUnit XML report to this file.", HelpName = "file" };
    private readonly Option<long?> _timeout = new("--timeout")
    {
        Description = "Simulated time limit per scenario, a duration such as 90s, 2m or 10h (exit 42 past it).",
        HelpName = "duration",
        CustomParser = r =>
        {
            if (!Quantity.TryParseDuration(r.Tokens[0].Value, out long milliseconds) || milliseconds <= 0)
            {
                r.AddError("--timeout is a duration such as 90s, 2m or 10h");
                return null;
            }

            return milliseconds;
        },
    };

    private readonly Option<int> _devices = new("--devices") { Description = "Run each scenario on a fleet of N devices (1..64).", HelpName = "N", DefaultValueFactory = _ => 1, CustomParser = r => (int)OptionParsers.Number(r, 1, 64, "--devices is 1..64") };
    private readonly Option<bool> _timeline = new("--timeline") { Description = "Print each device's timeline." };
    private readonly Option<int?> _dockPort = DockOptions.Port();
    private readonly Option<bool> _dockPty = DockOptions.Pty();

    /// <summary>Initializes a new instance of the <see cref="RunCommand"/> class.</summary>
    public RunCommand()
    {
        OptionParsers.RefuseOptionLookalikes(_scenarios);
        Command = new Command("run", "Run scenarios on emulated devices; with --dock-port or --dock-pty, serve the dock afterwards until Ctrl+C.")
        {
            _scenarios,
            _storage,
            _keys,
            _junit,
            _timeout,
            _devices,
            _timeline,
            _dockPort,
            _dockPty,
        };
    }

    /// <summary>Gets the command, without an action (<see cref="EmulatorCommandLine"/> sets it).</summary>
    public Command Command { get; }

    /// <summary>Reads the options of a parsed <c>run</c> command line.</summary>
    /// <param name="parse">A parse result of this command without errors.</param>
    /// <returns>The options; a folder given as a scenario stands for its *.yaml files, in name order.</returns>
    public RunOptions ToOptions(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var options = new RunOptions
        {
            StorageDirectory = parse.GetValue(_storage),
            KeysDirectory = parse.GetValue(_keys),
            JUnitFile = parse.GetValue(_junit),
            TimeoutMilliseconds = parse.GetValue(_timeout),
            Devices = parse.GetValue(_devices),
            Timeline = parse.GetValue(_timeline),
            DockPort = parse.GetValue(_dockPort),
            DockPty = parse.GetValue(_dockPty),
        };
        foreach (string a in parse.GetValue(_scenarios) ?? [])
        {
            if (Directory.Exists(a))
            {
                // A folder stands for its *.yaml files, in name order (the same on every platform and shell).
                // A folder without any is kept as given, so that the run reports it instead of passing on nothing.
                string[] files = Directory.GetFiles(a, "*.yaml");
                Array.Sort(files, StringComparer.Ordinal);
                options.Scenarios.AddRange(files.Length > 0 ? files : [a]);
            }
            else
            {
                options.Scenarios.Add(a);
            }
        }

        return options;
    }

    /// <summary>Checks the rules that tie options together.</summary>
    /// <param name="options">The options read by <see cref="ToOptions"/>.</param>
    /// <returns>The usage error, or null when the options go together.</returns>
    public static string? Check(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if ((options.DockPort != null || options.DockPty) && options.Scenarios.Count != 1)
        {
            return "--dock-port and --dock-pty serve the devices of one scenario; give exactly one";
        }

        if (options.DockPort is int basePort && basePort != 0 && basePort + options.Devices - 1 > 65535)
        {
            return "--dock-port plus --devices runs past port 65535";
        }

        // The report's path is checked before the scenarios run, so a long run does not end in a path error.
        if (options.JUnitFile is string junit)
        {
            string full = Path.GetFullPath(junit);
            if (Directory.Exists(full))
            {
                return "--junit " + full + " is a folder; give the report's file name";
            }

            string? parent = Path.GetDirectoryName(full);
            if (parent != null && !Directory.Exists(parent))
            {
                return "--junit " + full + ": the folder " + parent + " does not exist; create it first";
            }
        }

        if (options.StorageDirectory is string storage && File.Exists(storage))
        {
            return "--storage " + Path.GetFullPath(storage) + " is a file; give a folder (created when missing)";
        }

        return null;
    }

    /// <summary>Runs the scenarios.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="output">Standard output: verdicts and timelines.</param>
    /// <param name="error">Standard error: why a scenario failed or is invalid.</param>
    /// <param name="stop">Ends serving the dock endpoints.</param>
    /// <returns>The exit code (<see cref="EmulatorCommandLine.ExitCode"/>).</returns>
    public static int Run(RunOptions options, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        using DockServing? dock = options.DockPort != null || options.DockPty ? new DockServing(options.DockPort, options.DockPty, output) : null;
        KeyRing? keys = null;
        var results = new List<ScenarioResult>();
        foreach (string path in options.Scenarios)
        {
            if (stop.IsCancellationRequested)
            {
                return Interrupted(options, results, path, error);
            }

            Scenario scenario;
            try
            {
                scenario = Load(path);
            }
            catch (ScenarioException e)
            {
                error.WriteLine("invalid  " + e.Message);
                results.Add(Invalid(path, e.Message));
                continue;
            }

            keys ??= options.KeysDirectory == null ? KeyRing.FromSeed(scenario.Seed) : KeyRing.FromDirectory(options.KeysDirectory);
            ScenarioResult result;
            try
            {
                result = ScenarioSession.Run(
                    scenario,
                    options.Devices,
                    keys,
                    StorageRoot(options, path),
                    options.TimeoutMilliseconds,
                    options.Timeline ? (device, _) => TimelinePrinter.Print(device, output) : null,
                    dock,
                    stop);
            }
            catch (StorageFolderException e)
            {
                error.WriteLine("invalid  " + path + ": " + e.Message);
                results.Add(Invalid(path, e.Message));
                continue;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return Interrupted(options, results, path, error);
            }

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

        if (!WriteJUnit(options, results, error))
        {
            return EmulatorExitCodes.FileError;
        }

        int exit = EmulatorCommandLine.ExitCode(results);
        if (dock != null && exit != EmulatorExitCodes.Usage)
        {
            dock.Serve(stop);
        }

        return exit;
    }

    // With one scenario its devices' folders are --storage/<device id>; with more, --storage/<scenario>/<device id>,
    // so the scenarios of one run (which mostly share the default id HEE-01) never share a device's storage.
    private static string? StorageRoot(RunOptions options, string path)
    {
        if (options.StorageDirectory == null || options.Scenarios.Count == 1)
        {
            return options.StorageDirectory;
        }

        return Path.Combine(options.StorageDirectory, Path.GetFileNameWithoutExtension(path));
    }

    private static ScenarioResult Invalid(string path, string message)
    {
        return new ScenarioResult { File = path, Name = Path.GetFileNameWithoutExtension(path), Outcome = ScenarioOutcome.Invalid, Message = message };
    }

    private static int Interrupted(RunOptions options, List<ScenarioResult> results, string path, TextWriter error)
    {
        error.WriteLine("bodycam-emu: interrupted (Ctrl+C) at " + path + "; " + results.Count.ToString(CultureInfo.InvariantCulture) + " of "
            + options.Scenarios.Count.ToString(CultureInfo.InvariantCulture) + " scenario(s) finished" + (options.JUnitFile != null ? " and are in the --junit report" : string.Empty));
        WriteJUnit(options, results, error);
        return EmulatorExitCodes.Interrupted;
    }

    private static bool WriteJUnit(RunOptions options, List<ScenarioResult> results, TextWriter error)
    {
        if (options.JUnitFile == null)
        {
            return true;
        }

        try
        {
            using var writer = new StreamWriter(options.JUnitFile);
            JUnitReport.Write(results, writer);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("bodycam-emu: cannot write the --junit report " + Path.GetFullPath(options.JUnitFile) + ": " + e.Message + " (check the folder's permissions and free space)");
            return false;
        }
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
