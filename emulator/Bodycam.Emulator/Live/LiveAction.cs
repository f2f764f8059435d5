namespace Bodycam.Emulator.Live;

/// <summary>What a key does in live mode.</summary>
public enum LiveAction
{
    /// <summary>Not bound.</summary>
    None = 0,

    /// <summary>A single short press.</summary>
    SinglePress = 1,

    /// <summary>A double press (starts a recording).</summary>
    DoublePress = 2,

    /// <summary>A hold past the stop time (stops a recording).</summary>
    HoldPress = 3,

    /// <summary>Place in or take out of the dock.</summary>
    ToggleDock = 4,

    /// <summary>Cut the power, or restore it.</summary>
    TogglePower = 5,

    /// <summary>Leave live mode.</summary>
    Quit = 6,
}
