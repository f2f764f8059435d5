using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Scenarios;

/// <summary>
/// Runs a scenario's steps against a target and checks its expectations. The first failed expectation ends the run
/// (later steps would test a device in an unintended state).
/// </summary>
public sealed class ScenarioRunner
{
    /// <summary>How long a short press holds the button down.</summary>
    public const long ShortPressMilliseconds = 120;

    /// <summary>The release between the two presses of a double press.</summary>
    public const long DoublePressGapMilliseconds = 150;

    /// <summary>Time the <c>press</c> step lets pass after the release, so debounce and gesture windows close.</summary>
    public const long SettleMilliseconds = 600;

    private readonly long? _timeoutMilliseconds;
    private readonly CancellationToken _stop;

    /// <summary>Creates a runner.</summary>
    /// <param name="timeoutMilliseconds">Simulated time after which a run is stopped with <see cref="ScenarioOutcome.TimedOut"/>; null for none.</param>
    public ScenarioRunner(long? timeoutMilliseconds)
        : this(timeoutMilliseconds, CancellationToken.None)
    {
    }

    /// <summary>Creates a runner that stops before the next step once <paramref name="stop"/> is cancelled (Ctrl+C).</summary>
    /// <param name="timeoutMilliseconds">Simulated time after which a run is stopped with <see cref="ScenarioOutcome.TimedOut"/>; null for none.</param>
    /// <param name="stop">Stops the run: <see cref="Run"/> then throws <see cref="OperationCanceledException"/>.</param>
    public ScenarioRunner(long? timeoutMilliseconds, CancellationToken stop)
    {
        _timeoutMilliseconds = timeoutMilliseconds;
        _stop = stop;
    }

    /// <summary>Raised before each step, for a live timeline.</summary>
    public event EventHandler<ScenarioStep>? StepStarting;

    /// <summary>Runs <paramref name="scenario"/> on <paramref name="target"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="target">A freshly booted device.</param>
    /// <returns>The result.</returns>
    /// <exception cref="OperationCanceledException">The stop token was cancelled before a step.</exception>
    public ScenarioResult Run(Scenario scenario, IScenarioTarget target)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(target);
        var watch = Stopwatch.StartNew();
        long windowStart = target.Now;
        int stepsRun = 0;
        foreach (ScenarioStep step in scenario.Steps)
        {
            _stop.ThrowIfCancellationRequested();
            stepsRun++;
            StepStarting?.Invoke(this, step);
            string? failure;
            try
            {
                if (!IsExpectation(step.Kind))
                {
                    windowStart = target.Now;
                }

                failure = Execute(step, target);
            }
            catch (SimulationTimeoutException)
            {
                return Result(scenario, target, ScenarioOutcome.TimedOut, Where(scenario, step, target) + "timed out: the run passed --timeout " + Quantity.FormatDuration(_timeoutMilliseconds ?? 0) + " of simulated time", watch, stepsRun);
            }

            if (failure == null && step.Kind == StepKind.ExpectCue)
            {
                failure = CheckCue(step, target, windowStart);
            }

            if (failure != null)
            {
                return Result(scenario, target, ScenarioOutcome.Failed, Where(scenario, step, target) + failure, watch, stepsRun);
            }
        }

        return Result(scenario, target, ScenarioOutcome.Passed, null, watch, stepsRun);
    }

    private static bool IsExpectation(StepKind kind)
    {
        return kind is StepKind.ExpectState or StepKind.ExpectLed or StepKind.ExpectCue or StepKind.ExpectRecordings or StepKind.ExpectFault or StepKind.ExpectAudit;
    }

    private string? Execute(ScenarioStep step, IScenarioTarget target)
    {
        switch (step.Kind)
        {
            case StepKind.Advance:
                Advance(target, step.Milliseconds);
                return null;
            case StepKind.Press:
                Press(step, target);
                return null;
            case StepKind.ExpectState:
                return target.State == step.Name ? null : Mismatch(step.Name!, target.State);
            case StepKind.ExpectFault:
                return target.Fault == step.Name ? null : Mismatch(step.Name!, target.Fault);
            case StepKind.ExpectLed:
                {
                    LedPattern actual = target.ReadLed(step.Led);
                    return actual == step.Pattern ? null : Mismatch(Names.Kebab(step.Led.ToString()) + " LED " + Names.Kebab(step.Pattern.ToString()), Names.Kebab(step.Led.ToString()) + " LED " + Names.Kebab(actual.ToString()));
                }

            case StepKind.ExpectCue:
                return null;
            case StepKind.ExpectRecordings:
                return CheckRecordings(step.Recordings!, target.ReadRecordings());
            case StepKind.PowerCut:
                target.PowerCut();
                return null;
            case StepKind.PowerOn:
                target.PowerOn();
                return null;
            case StepKind.Dock:
                target.Dock();
                return null;
            case StepKind.Undock:
                target.Undock();
                return null;
            case StepKind.StorageFill:
                if (step.Percent is double percent)
                {
                    target.FillStoragePercent(percent);
                }
                else
                {
                    target.FillStorage(step.Bytes);
                }

                return null;
            case StepKind.StorageFault:
                target.InjectStorageFault(step.Name!);
                return null;
            case StepKind.Battery:
                target.SetBattery(step.Percent ?? 0);
                return null;
            case StepKind.SetClock:
                target.SetClock(step.UnixMilliseconds);
                return null;
            case StepKind.Offload:
                return CheckOffload(step, target.Offload(step.Link ?? "in-process"));
            case StepKind.ExpectAudit:
                return CheckAudit(step, target.ReadAudit());
            default:
                throw new InvalidOperationException("Unhandled step " + step.Kind + ".");
        }
    }

    private void Press(ScenarioStep step, IScenarioTarget target)
    {
        switch (step.Gesture)
        {
            case Gesture.Single:
                Edge(target, ShortPressMilliseconds);
                break;
            case Gesture.Double:
                Edge(target, ShortPressMilliseconds);
                Advance(target, DoublePressGapMilliseconds);
                Edge(target, ShortPressMilliseconds);
                break;
            default:
                Edge(target, step.Milliseconds);
                break;
        }

        Advance(target, SettleMilliseconds);
    }

    private void Edge(IScenarioTarget target, long heldMilliseconds)
    {
        target.SetButton(true);
        Advance(target, heldMilliseconds);
        target.SetButton(false);
    }

    private void Advance(IScenarioTarget target, long milliseconds)
    {
        if (_timeoutMilliseconds is long timeout && target.Now + milliseconds > timeout)
        {
            target.Advance(Math.Max(0, timeout - target.Now));
            throw new SimulationTimeoutException();
        }

        target.Advance(milliseconds);
    }

    private static string? CheckCue(ScenarioStep step, IScenarioTarget target, long windowStart)
    {
        IReadOnlyList<Cue> cues = target.CuesSince(windowStart);
        string actual = cues.Count == 0 ? "no cue" : string.Join(", ", Map(cues));
        if (step.Cue is Cue expected)
        {
            foreach (Cue cue in cues)
            {
                if (cue == expected)
                {
                    return null;
                }
            }

            return Mismatch("cue " + Names.Kebab(expected.ToString()) + " within the last step", actual);
        }

        return cues.Count == 0 ? null : Mismatch("no cue within the last step", actual);
    }

    private static IEnumerable<string> Map(IReadOnlyList<Cue> cues)
    {
        foreach (Cue cue in cues)
        {
            yield return Names.Kebab(cue.ToString());
        }
    }

    private static string? CheckRecordings(RecordingsExpectation expected, RecordingsReport report)
    {
        if (expected.Count is ValueRange count && !count.Contains(report.Count))
        {
            return Mismatch("recording count " + count.FormatCount(), report.Count.ToString(CultureInfo.InvariantCulture));
        }

        bool needsLast = expected.Duration != null || expected.PreRecord != null || expected.Status != null || expected.AudioInPreRecord != null || expected.Parts != null || expected.Markers != null;
        if (!needsLast)
        {
            return null;
        }

        if (report.Recordings.Count == 0)
        {
            return Mismatch("a last recording to check", "no recording on storage");
        }

        RecordingSummary last = report.Recordings[report.Recordings.Count - 1];
        string of = " of " + last.Id;
        if (expected.Duration is ValueRange duration && !duration.Contains(last.DurationMilliseconds))
        {
            return Mismatch("duration " + duration.FormatDuration() + of, Quantity.FormatDuration(last.DurationMilliseconds));
        }

        if (expected.PreRecord is ValueRange preRecord && !preRecord.Contains(last.PreRecordMilliseconds))
        {
            return Mismatch("pre-record " + preRecord.FormatDuration() + of, Quantity.FormatDuration(last.PreRecordMilliseconds));
        }

        if (expected.Status != null && expected.Status != last.Status)
        {
            return Mismatch("status " + expected.Status + of, last.Status);
        }

        if (expected.AudioInPreRecord is bool audio && audio != last.AudioInPreRecord)
        {
            return Mismatch("audio-in-pre-record " + (audio ? "true" : "false") + of, last.AudioInPreRecord ? "true" : "false");
        }

        if (expected.Parts is ValueRange parts && !parts.Contains(last.Parts))
        {
            return Mismatch("parts " + parts.FormatCount() + of, last.Parts.ToString(CultureInfo.InvariantCulture));
        }

        if (expected.Markers is ValueRange markers && !markers.Contains(last.Markers))
        {
            return Mismatch("markers " + markers.FormatCount() + of, last.Markers.ToString(CultureInfo.InvariantCulture));
        }

        return null;
    }

    private static string? CheckOffload(ScenarioStep step, OffloadReport report)
    {
        if (report.Error != null)
        {
            return "offload failed: " + report.Error;
        }

        if (report.Failed > 0)
        {
            return "offload failed for " + report.Failed.ToString(CultureInfo.InvariantCulture) + " recording(s): " + string.Join("; ", report.Lines);
        }

        if (step.ExpectedCount is ValueRange count && !count.Contains(report.Confirmed))
        {
            return Mismatch(count.FormatCount() + " recording(s) offloaded", report.Confirmed.ToString(CultureInfo.InvariantCulture));
        }

        return null;
    }

    private static string? CheckAudit(ScenarioStep step, AuditReport report)
    {
        if (!report.Valid)
        {
            return Mismatch("an audit trail that verifies", report.Detail);
        }

        string actual = report.Events.Count == 0 ? "no events" : string.Join(", ", report.Events);
        foreach (string name in step.Contains ?? [])
        {
            if (!System.Linq.Enumerable.Contains(report.Events, name))
            {
                return Mismatch("audit event " + name, actual);
            }
        }

        foreach (string name in step.Excludes ?? [])
        {
            if (System.Linq.Enumerable.Contains(report.Events, name))
            {
                return Mismatch("no audit event " + name, actual);
            }
        }

        return null;
    }

    private static string Mismatch(string expected, string actual)
    {
        return "expected " + expected + ", actual " + actual;
    }

    private static string Where(Scenario scenario, ScenarioStep step, IScenarioTarget target)
    {
        return scenario.File + ":" + step.Line.ToString(CultureInfo.InvariantCulture) + ": at " + SimulatedCamera.FormatTime(target.Now) + " (" + step.Text + "): ";
    }

    private static ScenarioResult Result(Scenario scenario, IScenarioTarget target, ScenarioOutcome outcome, string? message, Stopwatch watch, int stepsRun)
    {
        return new ScenarioResult
        {
            File = scenario.File,
            Name = scenario.Name,
            Outcome = outcome,
            Message = message,
            SimulatedMilliseconds = target.Now,
            WallMilliseconds = watch.Elapsed.TotalMilliseconds,
            StepsRun = stepsRun,
        };
    }
}
