namespace Bodycam.Emulator.Scenarios;

/// <summary>A record-button gesture of the <c>press</c> step.</summary>
public enum Gesture
{
    /// <summary>One short press.</summary>
    Single = 1,

    /// <summary>Two short presses in quick succession.</summary>
    Double = 2,

    /// <summary>The button held for a duration.</summary>
    Hold = 3,
}
