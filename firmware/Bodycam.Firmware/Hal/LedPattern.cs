namespace Bodycam.Firmware.Hal;

/// <summary>What an LED shows. Patterns are driven by the board (a PWM or timer peripheral), not by the core loop.</summary>
public enum LedPattern
{
    /// <summary>Dark.</summary>
    Off = 0,

    /// <summary>Steady on (red for the recording LED, green for the status LED).</summary>
    On = 1,

    /// <summary>Slow blink, 1 Hz.</summary>
    BlinkSlow = 2,

    /// <summary>Fast blink, 4 Hz.</summary>
    BlinkFast = 3,

    /// <summary>Status LED steady amber.</summary>
    Amber = 4,

    /// <summary>Status LED blinking amber, 2 Hz.</summary>
    AmberBlink = 5,

    /// <summary>Status LED breathing green (docked, charging).</summary>
    Breathe = 6,
}
