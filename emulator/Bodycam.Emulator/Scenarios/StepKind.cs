namespace Bodycam.Emulator.Scenarios;

/// <summary>The steps of the scenario language (the YAML key is the kebab-case name).</summary>
public enum StepKind
{
    /// <summary><c>advance: 90s</c>: let simulated time pass.</summary>
    Advance = 1,

    /// <summary><c>press: single | double | hold 3s</c>: a button gesture.</summary>
    Press = 2,

    /// <summary><c>expect-state: recording</c>.</summary>
    ExpectState = 3,

    /// <summary><c>expect-led: { recording: blink-fast }</c>.</summary>
    ExpectLed = 4,

    /// <summary><c>expect-cue: recording-started</c> (emitted within the last step).</summary>
    ExpectCue = 5,

    /// <summary><c>expect-recordings: { count: 1, duration: 120s..125s, ... }</c>.</summary>
    ExpectRecordings = 6,

    /// <summary><c>expect-fault: storage-full</c>.</summary>
    ExpectFault = 7,

    /// <summary><c>power-cut</c>: the supply disappears mid-operation.</summary>
    PowerCut = 8,

    /// <summary><c>power-on</c>: the device boots again (recovery runs).</summary>
    PowerOn = 9,

    /// <summary><c>storage-fill: 95%</c> or <c>storage-fill: 2GB</c>.</summary>
    StorageFill = 10,

    /// <summary><c>storage-fault: write-error</c>.</summary>
    StorageFault = 11,

    /// <summary><c>battery: 4%</c>.</summary>
    Battery = 12,

    /// <summary><c>dock</c>: the device is placed in the docking station.</summary>
    Dock = 13,

    /// <summary><c>undock</c>.</summary>
    Undock = 14,

    /// <summary><c>set-clock: 2026-11-29T08:00:00Z</c> or <c>set-clock: unset</c>.</summary>
    SetClock = 15,

    /// <summary><c>offload</c> or <c>offload: { expect: 2, link: tcp }</c>: the SDK offloads over the dock.</summary>
    Offload = 16,

    /// <summary><c>expect-audit: { contains: [offloaded, deleted] }</c>: the signed audit trail verifies and holds events.</summary>
    ExpectAudit = 17,
}
