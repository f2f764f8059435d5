using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Bodycam.Sdk.Hints;
using Bodycam.Sdk.Keys;

namespace Bodycam.Emulator.Commands;

/// <summary>
/// <c>bodycam-emu</c>: <c>run</c>, <c>scenarios</c>, <c>live</c>, <c>bench shift</c>, <c>frame</c>, <c>sweep</c>,
/// <c>tamper-sweep</c>, on System.CommandLine with the conventions of <c>bodycam</c>: <c>--help</c> on every command,
/// usage errors on standard error followed by "Try 'bodycam-emu --help'." and exit 2, key file errors with a hint and
/// exit 5 (<see cref="EmulatorExitCodes"/>). With no arguments it runs the built-in escalation scenario and prints the
/// timeline. Every error is one line naming the file, folder, port or field and what to do; an unexpected one is one
/// line with "please report" and exit 70. Stack traces are printed only when <see cref="StackTraceVariable"/> is 1.
/// </summary>
public static class EmulatorCommandLine
{
    /// <summary>The environment variable that, set to 1, adds the stack trace to an error (for a bug report).</summary>
    public const string StackTraceVariable = "BODYCAM_STACK_TRACE";

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
        Command root = BuildRoot(output, error, stop, out _);
        ParseResult parse = root.Parse(args);
        if (ReportErrors(parse, error))
        {
            return EmulatorExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (WrongPassphraseException e)
        {
            // A --keys folder written with another passphrase (for example by `bodycam keys new`).
            ErrorHint hint = ErrorHints.ForWrongPassphrase(KeyRing.PassphraseVariable);
            error.WriteLine("bodycam-emu: " + e.Message + " The key files in --keys were written with another passphrase.");
            error.WriteLine("bodycam-emu: hint: " + hint.Hint);
            return EmulatorExitCodes.KeyError;
        }
        catch (KeyFileException e)
        {
            ErrorHint hint = ErrorHints.ForKeyFile(e.Error);
            error.WriteLine("bodycam-emu: key file error (" + e.Error + "): " + e.Message + " " + hint.Meaning);
            error.WriteLine("bodycam-emu: hint: " + hint.Hint);
            return EmulatorExitCodes.KeyError;
        }
        catch (DockEndpointException e)
        {
            return Fail(error, e.Message, e, EmulatorExitCodes.EndpointFailed);
        }
        catch (SocketException e)
        {
            return Fail(error, "cannot open the dock endpoint: " + e.Message + "; give another --dock-port, or --dock-port 0 for a free one", e, EmulatorExitCodes.EndpointFailed);
        }
        catch (StorageFolderException e)
        {
            return Fail(error, e.Message, e, EmulatorExitCodes.Usage);
        }
        catch (OperationCanceledException e) when (stop.IsCancellationRequested)
        {
            return Fail(error, "interrupted (Ctrl+C)", e, EmulatorExitCodes.Interrupted);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail(error, "no such file or folder: " + e.Message + " Check the path on the command line.", e, EmulatorExitCodes.Usage);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, "file error: " + e.Message + " Check that the path is the right kind (file or folder), its permissions and the free space.", e, EmulatorExitCodes.FileError);
        }
        catch (Exception e)
        {
            // Not one of the errors above: a bug. One line, the exit code of an internal error, and how to report it.
            return Fail(error, "internal error (" + e.GetType().Name + "): " + e.Message + " Please report this with the command line" + (StackTraceEnabled() ? "." : "; " + StackTraceVariable + "=1 adds the stack trace."), e, EmulatorExitCodes.InternalError);
        }
    }

    /// <summary>Whether the first Ctrl+C only asks the command to stop (<c>run</c>, <c>live</c> and the default run
    /// watch for it); for the other commands it ends the process at once.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>True when the command stops by itself on the first Ctrl+C.</returns>
    public static bool StopsOnFirstInterrupt(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length == 0 || args[0] is "run" or "live";
    }

    private static bool StackTraceEnabled() => Environment.GetEnvironmentVariable(StackTraceVariable) == "1";

    private static int Fail(TextWriter error, string line, Exception e, int code)
    {
        error.WriteLine("bodycam-emu: " + line);
        if (StackTraceEnabled())
        {
            error.WriteLine(e.ToString());
        }

        return code;
    }

    /// <summary>Parses the options of <c>run</c>.</summary>
    /// <param name="args">The whole command line (args[0] is "run").</param>
    /// <param name="error">Where usage errors go.</param>
    /// <returns>The options, or null on a usage error.</returns>
    public static RunOptions? ParseRun(string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        Command root = BuildRoot(TextWriter.Null, error, CancellationToken.None, out RunCommand run);
        ParseResult parse = root.Parse(args);
        if (ReportErrors(parse, error))
        {
            return null;
        }

        if (parse.CommandResult.Command != run.Command)
        {
            error.WriteLine("bodycam-emu: not a run command line");
            return null;
        }

        RunOptions options = run.ToOptions(parse);
        return ReportError(RunCommand.Check(options), error) ? null : options;
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
                return EmulatorExitCodes.Usage;
            }

            timedOut |= r.Outcome == ScenarioOutcome.TimedOut;
            failed |= r.Outcome == ScenarioOutcome.Failed;
        }

        return timedOut ? EmulatorExitCodes.Timeout : failed ? EmulatorExitCodes.CheckFailed : EmulatorExitCodes.Success;
    }

    private static Command BuildRoot(TextWriter output, TextWriter error, CancellationToken stop, out RunCommand run)
    {
        // A plain command named as the installed tool (not RootCommand, which takes the assembly's name for its usage
        // line), with the help and version options RootCommand would add.
        Command root = new(
            "bodycam-emu",
            "bodycam-emu: the body camera's firmware core on simulated hardware. With no command it runs the built-in escalation scenario and prints its timeline.\n"
            + "Exit codes: 0 success, 1 an expectation failed (or a sweep found a violation), 2 usage or invalid scenario (also a missing path, a --storage folder in use), 3 a dock endpoint did not open (port in use), 5 key file error, 7 file error (permission, read-only, disk full), 42 timeout, 70 internal error (please report; "
            + StackTraceVariable + "=1 prints the stack trace), 130 stopped by Ctrl+C.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.SetAction(_ =>
        {
            var defaults = new RunOptions { Timeline = true };
            defaults.Scenarios.Add("escalation");
            return RunCommand.Run(defaults, output, error, stop);
        });

        run = new RunCommand();
        RunCommand runCommand = run;
        run.Command.SetAction(parse =>
        {
            RunOptions options = runCommand.ToOptions(parse);
            return ReportError(RunCommand.Check(options), error) ? EmulatorExitCodes.Usage : RunCommand.Run(options, output, error, stop);
        });
        root.Subcommands.Add(run.Command);

        Command scenarios = new("scenarios", "List the built-in scenarios (names for run and sweep).");
        scenarios.SetAction(_ =>
        {
            foreach (string name in BuiltInScenarios.Names())
            {
                BuiltInScenarios.TryRead(name, out string text);
                output.WriteLine(name.PadRight(32) + " " + ScenarioParser.Parse(text, name + ".yaml").Name);
            }

            return EmulatorExitCodes.Success;
        });
        root.Subcommands.Add(scenarios);
        root.Subcommands.Add(LiveCommand.Build(error, stop));

        Command shift = new("shift", "A 10 h shift at 1080p30, 4 Mbit/s: prints simulated time over wall time (docs/performance.md).");
        shift.SetAction(_ => ShiftBenchmark.Run(output));
        root.Subcommands.Add(new Command("bench", "Measurements of the emulator itself.") { shift });

        root.Subcommands.Add(FrameCommand.Build(output));
        root.Subcommands.Add(TamperSweepCommand.Build(output));
        root.Subcommands.Add(SweepCommand.Build(output, error));
        return root;
    }

    // Usage errors are answered as bodycam answers them: each error, then where to find help, then exit 2.
    private static bool ReportErrors(ParseResult parse, TextWriter error)
    {
        if (parse.Errors.Count == 0 || parse.Action is System.CommandLine.Help.HelpAction)
        {
            return false;
        }

        foreach (System.CommandLine.Parsing.ParseError e in parse.Errors)
        {
            error.WriteLine("bodycam-emu: " + e.Message);
        }

        error.WriteLine("Try 'bodycam-emu --help'.");
        return true;
    }

    private static bool ReportError(string? message, TextWriter error)
    {
        if (message == null)
        {
            return false;
        }

        error.WriteLine("bodycam-emu: " + message);
        error.WriteLine("Try 'bodycam-emu --help'.");
        return true;
    }
}
