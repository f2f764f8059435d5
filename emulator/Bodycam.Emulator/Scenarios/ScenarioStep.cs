using System.Collections.Generic;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Scenarios;

/// <summary>One step of a scenario with where it was written; only the members of its <see cref="Kind"/> are set.</summary>
public sealed class ScenarioStep
{
    /// <summary>What the step does.</summary>
    public required StepKind Kind { get; init; }

    /// <summary>1-based line of the step in its file.</summary>
    public required int Line { get; init; }

    /// <summary>1-based column of the step in its file.</summary>
    public required int Column { get; init; }

    /// <summary>The step as written (for messages).</summary>
    public required string Text { get; init; }

    /// <summary>advance: the time to pass; press hold: how long the button is held.</summary>
    public long Milliseconds { get; init; }

    /// <summary>press: the gesture.</summary>
    public Gesture Gesture { get; init; }

    /// <summary>expect-state / expect-fault / storage-fault: the kebab-case name.</summary>
    public string? Name { get; init; }

    /// <summary>expect-led: the LED.</summary>
    public Led Led { get; init; }

    /// <summary>expect-led: the expected pattern.</summary>
    public LedPattern Pattern { get; init; }

    /// <summary>expect-cue: the cue, or null for <c>none</c>.</summary>
    public Cue? Cue { get; init; }

    /// <summary>expect-recordings: what to check.</summary>
    public RecordingsExpectation? Recordings { get; init; }

    /// <summary>storage-fill: the bytes to occupy (when not a percentage).</summary>
    public long Bytes { get; init; }

    /// <summary>storage-fill / battery: the percentage, or null when <see cref="Bytes"/> is meant.</summary>
    public double? Percent { get; init; }

    /// <summary>set-clock: the wall time in Unix milliseconds, or null for <c>unset</c>.</summary>
    public long? UnixMilliseconds { get; init; }

    /// <summary>offload: "in-process" or "tcp".</summary>
    public string? Link { get; init; }

    /// <summary>offload: how many recordings must be confirmed, or null for no check.</summary>
    public ValueRange? ExpectedCount { get; init; }

    /// <summary>expect-audit: event names that must each appear at least once.</summary>
    public IReadOnlyList<string>? Contains { get; init; }

    /// <summary>expect-audit: event names that must not appear.</summary>
    public IReadOnlyList<string>? Excludes { get; init; }
}
