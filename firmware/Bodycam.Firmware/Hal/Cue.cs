namespace Bodycam.Firmware.Hal;

/// <summary>An audible and haptic signal to the wearer (and, for the tones, to the people around).</summary>
public enum Cue
{
    /// <summary>Recording started: two rising tones and a short vibration.</summary>
    RecordingStarted = 1,

    /// <summary>Recording stopped: one long tone and a long vibration.</summary>
    RecordingStopped = 2,

    /// <summary>Marker dropped: one short tone.</summary>
    Marker = 3,

    /// <summary>Still recording: one short tone and a short vibration, repeated while recording.</summary>
    Reminder = 4,

    /// <summary>Storage full: three beeps.</summary>
    StorageFull = 5,

    /// <summary>Clock not set: five beeps, repeated.</summary>
    ClockNotSet = 6,

    /// <summary>Any other fault (storage error, battery critical, not provisioned, button stuck): a low double tone.</summary>
    Fault = 7,

    /// <summary>A gesture was refused (for example docking while recording): a low single tone.</summary>
    Refused = 8,

    /// <summary>Boot complete, ready: one short rising tone.</summary>
    Ready = 9,
}
